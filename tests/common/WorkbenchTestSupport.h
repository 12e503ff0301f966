#pragma once
// Shared by the GUI tests: waiting for the workstation to finish the case on screen.
#include "WorkbenchSettled.h"
#include "widgets/MainWindow.h"

#include <QTest>

namespace execg::test {

// Shows the window on the demo case and waits for its prediction and the chosen methods.
inline void openDemoAndWait(MainWindow& w)
{
    w.show();
    w.openDemo();
    QTRY_VERIFY_WITH_TIMEOUT(allSettled(w.workbench()) && w.workbench().prediction().has_value(), kLong);
}

} // namespace execg::test
