#include "widgets/EvidenceView.h"
#include "render/EvidenceText.h"
#include "render/LocaleFormat.h"

#include "render/ColourMap.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace execg {

EvidenceView::EvidenceView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(Qt::Vertical, this);
    focus_ = new LeadFocusView(split);
    auto* lower = new QWidget(split);
    auto* lowerLayout = new QVBoxLayout(lower);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Share of the evidence per lead and wave:"), lower));
    method_ = new QComboBox(lower);
    method_->setObjectName(QStringLiteral("evidenceMethodBox"));
    top->addWidget(method_);
    top->addStretch(1);
    lowerLayout->addLayout(top);
    headline_ = new QLabel(lower);
    headline_->setWordWrap(true);
    QFont bold = headline_->font();
    bold.setBold(true);
    headline_->setFont(bold);
    lowerLayout->addWidget(headline_);
    table_ = new QTableWidget(lower);
    table_->setObjectName(QStringLiteral("leadWaveTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    lowerLayout->addWidget(table_, 1);
    split->addWidget(focus_);
    split->addWidget(lower);
    split->setSizes({480, 420});
    layout->addWidget(split);
    connect(method_, &QComboBox::currentIndexChanged, this, [this] { showTable(); });
    connect(method_, &QComboBox::activated, this, [this] { picked_ = method_->currentText(); });
    // Double-clicking a lead's row brings that lead into the focus plot.
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (auto* h = table_->verticalHeaderItem(row))
            focus_->setLead(h->text());
    });
}

void EvidenceView::setRecording(std::shared_ptr<const Recording> recording, int groupIndex, std::int64_t firstSample, std::int64_t count)
{
    focus_->setRecording(std::move(recording), groupIndex, firstSample, count);
}

void EvidenceView::setMethods(const std::vector<EvidenceMethod>& methods, const QString& preferred)
{
    methods_ = methods;
    std::vector<FocusedMethod> focused;
    for (const auto& m : methods)
        focused.push_back({m.title, m.explanation});
    focus_->setMethods(focused);
    {
        const QSignalBlocker block(method_);
        method_->clear();
        for (const auto& m : methods)
            method_->addItem(m.title);
        const int at = method_->findText(picked_.isEmpty() ? preferred : picked_);
        method_->setCurrentIndex(std::max(0, at >= 0 ? at : method_->findText(preferred)));
    }
    showTable();
}

void EvidenceView::showTable()
{
    const int m = method_->currentIndex();
    table_->clear();
    if (m < 0 || m >= int(methods_.size()) || !methods_[std::size_t(m)].summary) {
        headline_->setText(methods_.empty() ? tr("Run a method to see where its evidence lies.") : QString());
        table_->setRowCount(0);
        table_->setColumnCount(0);
        return;
    }
    const AttributionSummary& s = *methods_[std::size_t(m)].summary;
    headline_->setText(s.headline.empty() ? tr("No evidence: the map is zero.") : evidenceHeadline(s));
    QStringList columns;
    for (int w = 0; w < kWaveSegments; ++w)
        columns << QString::fromStdString(toString(WaveSegment(w)));
    columns << tr("lead total");
    table_->setColumnCount(int(columns.size()));
    table_->setHorizontalHeaderLabels(columns);
    table_->setRowCount(int(s.leads.size()) + 1);
    double largest = 1e-12;
    for (std::size_t l = 0; l < s.leads.size(); ++l)
        for (int w = 0; w < kWaveSegments; ++w)
            largest = std::max(largest, s.leadWaveShare[l][std::size_t(w)]);
    const auto cell = [&](int row, int column, double share, double tint) {
        auto* item = new QTableWidgetItem(QStringLiteral("%1 %").arg(localNumber(100.0 * share, 'f', 1)));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // A pale sequential tint (cividis, readable by colour-blind readers) beside the number, never instead of it.
        QColor c = colourAt(ColourMapKind::Cividis, 1.0 - std::clamp(tint, 0.0, 1.0));
        c.setAlphaF(0.35f * float(std::clamp(tint, 0.0, 1.0)));
        item->setBackground(c);
        table_->setItem(row, column, item);
    };
    for (std::size_t l = 0; l < s.leads.size(); ++l) {
        table_->setVerticalHeaderItem(int(l), new QTableWidgetItem(QString::fromStdString(s.leads[l])));
        for (int w = 0; w < kWaveSegments; ++w)
            cell(int(l), w, s.leadWaveShare[l][std::size_t(w)], s.leadWaveShare[l][std::size_t(w)] / largest);
        cell(int(l), kWaveSegments, s.leadShare[l], 0.0);
    }
    const int total = int(s.leads.size());
    table_->setVerticalHeaderItem(total, new QTableWidgetItem(tr("all leads")));
    for (int w = 0; w < kWaveSegments; ++w)
        cell(total, w, s.waveShare[std::size_t(w)], 0.0);
    cell(total, kWaveSegments, 1.0 - s.unassignedShare, 0.0);
}

} // namespace execg
