#pragma once
// Waiting for the Workbench to finish the case, with or without a window around it.
#include "workbench/Workbench.h"

namespace execg::test {

constexpr int kLong = 120000;   // ms: a whole default method set on a loaded CI machine

// Every chosen method has finished, failed or been cancelled (and there is at least one), and the prediction's
// stability check, which queues behind the methods, has its answer.
inline bool allSettled(const Workbench& w)
{
    if (w.explanations().empty())
        return false;
    if (w.prediction() && !w.uncertainty() && w.uncertaintyError().isEmpty())
        return false;
    for (const auto& e : w.explanations())
        if (e.state == JobState::Queued || e.state == JobState::Running)
            return false;
    return true;
}

} // namespace execg::test
