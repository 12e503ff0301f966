#pragma once
// The review workstation's window: worklist on the left, model and methods on the right, and the views in the
// middle — the paper chart with the chosen map, the comparison of several methods with their quality scorecards,
// and the plain lead viewer for long recordings. It assembles widgets around one Workbench, which holds the state.
#include "recording/Recording.h"
#include "widgets/DisplayToolBar.h"

#include <QElapsedTimer>
#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;

namespace execg {

class ChartState;
class AuditLogView;
class ModelComparisonView;
class CohortView;
class ComparisonView;
struct ExplanationEntry;
class CounterfactualView;
class EvidenceView;
class MeasurementsView;
class ExplainerPanel;
class ModelPanel;
class PaperChartView;
class QualityPanel;
class RecordingView;
class TcavView;
class TeachingControls;
class Workbench;
class WorklistPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum View { ChartView, CompareView, EvidenceTab, MeasurementsTab, CounterfactualTab, TcavTab, LeadsView };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Workbench& workbench() { return *workbench_; }
    // What the chart shows (display settings, the map, its caption, the quiz's score): the views subscribe to it.
    ChartState& chartState() { return *chartState_; }
    // Opens files or folders into the worklist (the first one on screen).
    void openFile(const QString& path);
    void openPaths(const QStringList& paths);
    // The bundled demo: the synthetic hyperkalaemia case with the potassium demo model and the default methods.
    void openDemo();
    // The recording on screen; null before the first successful open.
    std::shared_ptr<const Recording> recording() const;
    QString lastError() const;
    void showView(View view);
    View currentView() const;

    PaperChartView* chartView() const { return chart_; }
    ComparisonView* comparisonView() const { return comparison_; }
    QualityPanel* qualityPanel() const { return quality_; }
    EvidenceView* evidenceView() const { return evidence_; }
    MeasurementsView* measurementsView() const { return measurements_; }
    CounterfactualView* counterfactualView() const { return counterfactual_; }
    TcavView* tcavView() const { return tcav_; }
    ExplainerPanel* explainerPanel() const { return explainers_; }
    ModelPanel* modelPanel() const { return modelPanel_; }
    DisplayToolBar* displayToolBar() const { return display_; }
    // Writes the case's PDF report off the GUI thread (Workbench::exported says when).
    void exportReport(const QString& path);
    // The explanation the chart shows; null for none (or while the answer is hidden).
    const ExplanationEntry* chartEntry() const;
    // How maps are drawn now (the display's choice, the per-wave view only where the case has beats), and an
    // explanation as drawn.
    MapDisplay shownDisplay() const;
    std::shared_ptr<const Explanation> displayed(std::shared_ptr<const Explanation> explanation) const;
    TeachingControls* teachingControls() const { return teaching_; }
    // A message above the views that stays until the next case opens.
    void showBanner(const QString& text);
    // Whether the window's size and place came from the last session; on a first start it should open maximised.
    bool hasRememberedGeometry() const { return rememberedGeometry_; }
    // The Cohort window (created on first use), set to analyse with the workstation's model and methods.
    CohortView* showCohort();
    // The audit log viewer (created on first use), re-read and verified each time it is shown.
    AuditLogView* showAuditLog();
    // The model-against-model window (created on first use), set to the case, its model and the chart's method.
    ModelComparisonView* showModelComparison();
    // Milliseconds from asking to open a file to its chart painted (the last case opened).
    double lastOpenToChartMs() const { return openToChartMs_; }

signals:
    void recordingShown();
    void openFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildDocks();
    void caseOpened();
    void showDisplayRecording();
    void showError(const QString& path, const QString& message);
    void chooseFiles();
    void chooseFolder();
    void chooseReportFile();
    void chooseViewPictureFile();
    void chooseResultsFile();
    void chooseCounterfactualFile();
    QString exportStem() const;
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void applyDisplay(const DisplaySettings& settings);
    void refreshExplanations();
    void refreshChartOverlay();
    void refreshMeasurements();
    void chooseDefaultMethods();
    double modelWindowStart() const;

    Workbench* workbench_ = nullptr;
    ChartState* chartState_ = nullptr;
    DisplayToolBar* display_ = nullptr;
    QTabWidget* views_ = nullptr;
    PaperChartView* chart_ = nullptr;
    ComparisonView* comparison_ = nullptr;
    QualityPanel* quality_ = nullptr;
    RecordingView* leads_ = nullptr;
    EvidenceView* evidence_ = nullptr;
    MeasurementsView* measurements_ = nullptr;
    CounterfactualView* counterfactual_ = nullptr;
    TcavView* tcav_ = nullptr;
    TeachingControls* teaching_ = nullptr;
    CohortView* cohort_ = nullptr;
    AuditLogView* auditLog_ = nullptr;
    ModelComparisonView* modelComparison_ = nullptr;
    ModelPanel* modelPanel_ = nullptr;
    ExplainerPanel* explainers_ = nullptr;
    WorklistPanel* worklist_ = nullptr;
    QComboBox* chartMethod_ = nullptr;
    QLabel* errorBanner_ = nullptr;
    QLabel* deidentified_ = nullptr;   // the teaching indicator: visible while cases are de-identified
    QProgressBar* progress_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* teachingMenu_ = nullptr;
    QElapsedTimer openTimer_;
    double openToChartMs_ = 0.0;
    bool rememberedGeometry_ = false;
};

} // namespace execg
