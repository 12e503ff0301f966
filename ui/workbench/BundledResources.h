#pragma once
// Where the files the application ships lie — the demo case and the demo models — in the build tree or installed,
// so the GUI, its tests and an installed package find them the same way.
#include <QString>
#include <QStringList>

namespace execg {

// EXECG_RESOURCES_DIR when set; else share/execg-studio beside an installed binary; else the source tree's resources/.
QString resourcesDir();
QString demoCasePath();        // the synthetic hyperkalaemia case (WFDB), with its ground truth beside it
QString defaultModelPath();    // the potassium demo model: the demo case's model, and every synthetic case's
QString realRecordingModelPath();   // the AF model trained on real ECGs (CinC 2017): a real recording's default
QStringList bundledModelPaths();   // every shipped model with a card

} // namespace execg
