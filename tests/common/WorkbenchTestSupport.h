#pragma once
// Shared by the GUI tests: waiting for the workstation to finish the case on screen.
#include "widgets/MainWindow.h"
#include "workbench/Workbench.h"

#include <QTest>

namespace execg::test {

constexpr int kLong = 120000;   // ms: a whole default method set on a loaded CI machine

// Every chosen method has finished, failed or been cancelled (and there is at least one).
inline bool allSettled(const Workbench& w)
{
    if (w.explanations().empty())
        return false;
    for (const auto& e : w.explanations())
        if (e.state == JobState::Queued || e.state == JobState::Running)
            return false;
    return true;
}

// Shows the window on the demo case and waits for its prediction and the chosen methods.
inline void openDemoAndWait(MainWindow& w)
{
    w.show();
    w.openDemo();
    QTRY_VERIFY_WITH_TIMEOUT(allSettled(w.workbench()) && w.workbench().prediction().has_value(), kLong);
}

} // namespace execg::test
