#include "widgets/ModelComparisonView.h"

#include "render/ColourMap.h"
#include "render/MapDisplayText.h"
#include "render/ModelComparisonPdf.h"
#include "render/Text.h"
#include "widgets/PaperChartView.h"
#include "workbench/BundledResources.h"
#include "workbench/ModelComparisonSession.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace execg {

ModelComparisonView::ModelComparisonView(QWidget* parent) : QWidget(parent), session_(new ModelComparisonSession(this))
{
    setWindowTitle(tr("Model against model — ExECG Studio"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    reference_ = new QLabel;
    other_ = new QComboBox;
    other_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto& path : bundledModelPaths())
        other_->addItem(QFileInfo(path).fileName(), path);
    auto* otherFile = new QPushButton(tr("Other model…"));
    compare_ = new QPushButton(tr("Compare"));
    export_ = new QPushButton(tr("Export PDF…"));
    export_->setEnabled(false);
    top->addWidget(reference_);
    top->addWidget(new QLabel(tr("against")));
    top->addWidget(other_);
    top->addWidget(otherFile);
    top->addWidget(compare_);
    top->addStretch(1);
    top->addWidget(export_);
    layout->addLayout(top);
    status_ = new QLabel;
    status_->setWordWrap(true);
    layout->addWidget(status_);

    split_ = new QSplitter(Qt::Vertical);
    auto* split = split_;
    auto* chartsArea = new QWidget;
    chartsArea->setMinimumHeight(240);
    columns_ = new QHBoxLayout(chartsArea);
    columns_->setContentsMargins(0, 0, 0, 0);
    split->addWidget(chartsArea);
    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    reading_ = new QLabel;
    reading_->setWordWrap(true);
    reading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = reading_->font();
    bold.setBold(true);
    reading_->setFont(bold);
    lowerLayout->addWidget(reading_);
    table_ = new QTableWidget;
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->setToolTip(tr("Points of each model's own evidence: the second model's share in that lead and wave minus the "
                          "first model's (red: the second relies on it more, blue: less)"));
    lowerLayout->addWidget(table_);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(compare_, &QPushButton::clicked, this, [this] { compareWith(other_->currentData().toString()); });
    connect(otherFile, &QPushButton::clicked, this, &ModelComparisonView::chooseOtherFile);
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the comparison"),
                                                          QFileInfo(casePath_).completeBaseName() + QStringLiteral("-comparison.pdf"),
                                                          tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportPdf(path, &error))
            status_->setText(error);
    });
    connect(session_, &ModelComparisonSession::finished, this, &ModelComparisonView::showResult);
    connect(session_, &ModelComparisonSession::failed, this, [this](const QString& message) {
        compare_->setEnabled(true);
        status_->setText(tr("The models could not be compared: %1").arg(message));
    });
}

void ModelComparisonView::setCase(std::shared_ptr<const Recording> recording, int group, const QString& casePath,
                                  const QString& modelPath, const std::string& method, const PaperChartStyle& style,
                                  const MapDisplay& display)
{
    recording_ = std::move(recording);
    group_ = group;
    casePath_ = casePath;
    modelPath_ = modelPath;
    method_ = method;
    style_ = style;
    display_ = display;
    reference_->setText(tr("%1 (the case's model)").arg(QFileInfo(modelPath).fileName()));
    // The other model defaults to the first bundled one that is not the reference.
    for (int i = 0; i < other_->count(); ++i)
        if (QFileInfo(other_->itemData(i).toString()).canonicalFilePath() != QFileInfo(modelPath).canonicalFilePath()) {
            other_->setCurrentIndex(i);
            break;
        }
    status_->setText(tr("%1 with %2: choose the model to compare it with.").arg(QFileInfo(casePath).fileName(), q(method)));
}

void ModelComparisonView::compareWith(const QString& otherModel)
{
    if (!recording_ || otherModel.isEmpty())
        return;
    if (const int at = other_->findData(otherModel); at >= 0)   // the box shows what is compared
        other_->setCurrentIndex(at);
    compare_->setEnabled(false);
    export_->setEnabled(false);
    status_->setText(tr("Running %1 with both models …").arg(q(method_)));
    session_->run(recording_, group_, casePath_, {modelPath_, otherModel}, method_);
}

void ModelComparisonView::chooseOtherFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with a model"), QString(), tr("TorchScript models (*.pt)"));
    if (path.isEmpty())
        return;
    other_->addItem(QFileInfo(path).fileName(), path);
    other_->setCurrentIndex(other_->count() - 1);
}

void ModelComparisonView::showResult()
{
    compare_->setEnabled(true);
    export_->setEnabled(true);
    const auto& r = *session_->result();
    const ModelComparison& c = r.comparison;
    for (auto* w : columnWidgets_)
        delete w;
    columnWidgets_.clear();
    charts_.clear();
    const auto drawn = session_->drawnExplanations(display_);
    std::vector<const std::vector<std::vector<float>>*> maps;
    for (const auto& e : drawn)
        if (e)
            maps.push_back(&e->recordingMap);
    const double scale = fullColourValue(maps);   // one colour scale for every model
    for (std::size_t k = 0; k < c.models.size(); ++k) {
        auto* column = new QWidget;
        auto* v = new QVBoxLayout(column);
        v->setContentsMargins(0, 0, 0, 0);
        auto* title = new QLabel(QStringLiteral("<b>%1</b><br>%2<br>%3")
                                     .arg(q(c.models[k].name).toHtmlEscaped(), q(c.models[k].prediction).toHtmlEscaped(),
                                          q(c.models[k].summary.headline).toHtmlEscaped()));
        title->setWordWrap(true);
        v->addWidget(title);
        auto* chart = new PaperChartView(column);
        chart->setRecording(recording_, group_);
        chart->setStyle(style_);
        chart->setZoom(ChartZoom::FitWidth);
        AttributionOverlay o;
        o.title = q(c.models[k].name);
        o.scale = scale;
        o.scaleNote = tr("% of each model's evidence; one scale for all");
        describeMapDisplay(o, display_);
        chart->setOverlay(drawn[k], o);
        v->addWidget(chart, 1);
        columns_->addWidget(column, 1);
        columnWidgets_.push_back(column);
        charts_.push_back(chart);
    }
    split_->setSizes({3 * height() / 5, 2 * height() / 5});   // the charts first, the table under them
    QStringList readings;
    for (const auto& line : c.readings)
        readings << q(line);
    reading_->setText(readings.join(QLatin1Char('\n')));
    // The first difference (the second model against the reference) as a table, shaded on its own scale.
    table_->clear();
    if (c.difference.empty())
        return;
    const auto& d = c.difference.front();
    table_->setRowCount(int(d.size()));
    table_->setColumnCount(kWaveSegments);
    QStringList waves, leads;
    for (int w = 0; w < kWaveSegments; ++w)
        waves << q(toString(WaveSegment(w)));
    for (const auto& l : c.leads)
        leads << q(l);
    table_->setHorizontalHeaderLabels(waves);
    table_->setVerticalHeaderLabels(leads);
    const double largest = largestDifference(d);
    for (std::size_t l = 0; l < d.size(); ++l)
        for (int w = 0; w < kWaveSegments; ++w) {
            const double v = d[l][std::size_t(w)];
            const DifferenceCell shown = differenceCell(v, largest);
            auto* item = new QTableWidgetItem(shown.text);
            item->setData(Qt::UserRole, v);
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(shown.shade);
            item->setForeground(shown.lightText ? QColor(Qt::white) : QColor(20, 20, 20));
            table_->setItem(int(l), w, item);
        }
    status_->setText(tr("%1 against %2 on %3, %4: points of each model's own evidence, second minus first.")
                         .arg(q(c.models.size() > 1 ? c.models[1].name : std::string()), q(c.models.front().name),
                              QFileInfo(casePath_).fileName(), q(method_)));
}

bool ModelComparisonView::exportPdf(const QString& path, QString* error) const { return session_->exportPdf(path, display_, error); }

} // namespace execg
