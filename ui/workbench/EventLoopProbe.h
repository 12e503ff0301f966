#pragma once
// Measures how long the GUI thread's event loop goes without turning: a timer asks to run every few milliseconds,
// and each time it does, the delay beyond that interval is a stall the user felt (a click or a repaint waited that
// long). The workstation's promise — never more than 100 ms — is checked with it while real work runs.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace execg {

class EventLoopProbe : public QObject {
public:
    explicit EventLoopProbe(QObject* parent = nullptr, int intervalMs = 5) : QObject(parent), interval_(intervalMs)
    {
        timer_.setInterval(intervalMs);
        timer_.setTimerType(Qt::PreciseTimer);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const double now = double(clock_.nsecsElapsed()) / 1e6;
            stalls_.push_back(std::max(0.0, now - last_ - interval_));
            last_ = now;
        });
    }

    void start()
    {
        stalls_.clear();
        clock_.start();
        last_ = 0.0;
        timer_.start();
    }
    void stop() { timer_.stop(); }

    // The longest time the loop stood still beyond the probe's interval, in ms.
    double longestStallMs() const { return stalls_.empty() ? 0.0 : *std::max_element(stalls_.begin(), stalls_.end()); }
    // The stall that `fraction` of the turns stayed under (0.99: the 99th percentile).
    double stallPercentileMs(double fraction) const
    {
        if (stalls_.empty())
            return 0.0;
        std::vector<double> sorted = stalls_;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, std::size_t(fraction * double(sorted.size())))];
    }
    int turns() const { return int(stalls_.size()); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    double last_ = 0.0;
    int interval_;
    std::vector<double> stalls_;
};

} // namespace execg
