#include "widgets/QualityPanel.h"
#include "render/LocaleFormat.h"

#include "render/Text.h"
#include "workbench/Workbench.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace execg {

namespace {

enum Column { Method, Faithfulness, Sanity, Stability, Agreement, Localisation, Verdict, Columns };

} // namespace

QualityPanel::QualityPanel(Workbench& workbench, QWidget* parent) : QWidget(parent), workbench_(workbench)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    assess_ = new QPushButton(tr("Assess &quality"), this);
    assess_->setToolTip(tr("Score every finished map: deletion against a random map, the randomisation sanity check, "
                           "stability under noise and baseline drift, agreement, and localisation on synthetic cases "
                           "(about a second per method)"));
    layout->addWidget(assess_);
    truth_ = new QLabel(this);
    truth_->setWordWrap(true);
    layout->addWidget(truth_);
    table_ = new QTableWidget(0, Columns, this);
    table_->setObjectName(QStringLiteral("qualityTable"));
    table_->setHorizontalHeaderLabels({tr("Method"), tr("Faithfulness"), tr("Sanity"), tr("Stability"), tr("Agreement"),
                                       tr("Localisation"), tr("Verdict")});
    table_->horizontalHeaderItem(Faithfulness)->setToolTip(tr("Deletion gain over a random map: ≥ 0.1 faithful, about 0 no better than random"));
    table_->horizontalHeaderItem(Sanity)->setToolTip(tr("Cascading model randomisation: a map that survives it does not explain this model"));
    table_->horizontalHeaderItem(Stability)->setToolTip(tr("Average sensitivity to 10 µV noise and slow baseline drift (relative change of the map; lower is steadier)"));
    table_->horizontalHeaderItem(Agreement)->setToolTip(tr("Mean rank correlation with the other methods' maps"));
    table_->horizontalHeaderItem(Localisation)->setToolTip(tr("Share of the map in the waves that carry the label, against chance (synthetic cases only)"));
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(Verdict, QHeaderView::Stretch);
    layout->addWidget(table_, 1);

    connect(assess_, &QPushButton::clicked, this, [this] { workbench_.assessQuality(); });
    connect(&workbench_, &Workbench::explanationsChanged, this, &QualityPanel::rebuild);
    connect(&workbench_, &Workbench::explanationUpdated, this, &QualityPanel::refreshRow);
    connect(&workbench_, &Workbench::qualityUpdated, this, [this](int) {
        for (int i = 0; i < table_->rowCount(); ++i)
            refreshRow(i);   // agreement changes for every method when one more is scored
    });
    rebuild();
}

void QualityPanel::rebuild()
{
    const auto& truth = workbench_.groundTruth();
    truth_->setText(truth ? tr("Ground truth: %1 (synthetic case; localisation is measured)").arg(QFileInfo(q(truth->file)).fileName())
                          : tr("No ground truth for this case: localisation is not measured."));
    table_->setRowCount(int(workbench_.explanations().size()));
    for (int i = 0; i < table_->rowCount(); ++i) {
        for (int c = 0; c < Columns; ++c)
            table_->setItem(i, c, new QTableWidgetItem);
        refreshRow(i);
    }
}

void QualityPanel::refreshRow(int index)
{
    const auto& entries = workbench_.explanations();
    if (index < 0 || index >= int(entries.size()) || index >= table_->rowCount())
        return;
    const auto& e = entries[std::size_t(index)];
    const auto set = [&](int column, const QString& text, const QString& tip = {}) {
        auto* item = table_->item(index, column);
        item->setText(text);
        item->setToolTip(tip.isEmpty() ? text : tip);
    };
    set(Method, e.title);
    for (int c = Faithfulness; c < Columns; ++c)
        set(c, QString());
    table_->item(index, Verdict)->setBackground(QBrush());
    table_->item(index, Verdict)->setForeground(QBrush());
    if (!e.explanation) {
        set(Verdict, tr("no map yet"));
        return;
    }
    if (!e.scorecard) {
        switch (e.qualityState) {
        case JobState::Running:
            set(Verdict, tr("assessing … %1 %").arg(std::lround(100 * e.qualityProgress)));
            break;
        case JobState::Failed:
            set(Verdict, tr("could not be assessed: %1").arg(e.qualityError));
            break;
        case JobState::Cancelled:
            set(Verdict, tr("assessment cancelled"));
            break;
        default:
            set(Verdict, e.qualityJob ? tr("queued") : tr("not assessed"));
        }
        return;
    }
    const auto& s = *e.scorecard;
    set(Faithfulness, tr("gain %1").arg(localNumber(s.deletionGain, 'f', 2)));
    set(Sanity, !s.randomisation ? tr("—") : s.randomisation->passed ? tr("passed") : tr("FAILED"));
    set(Stability, localNumber(s.robustness.averageSensitivity, 'f', 2));
    set(Agreement, localNumber(e.agreement, 'f', 2));
    if (s.localisation && s.localisation->note.empty())
        set(Localisation, tr("%1 % (chance %2 %)").arg(std::lround(100 * s.localisation->massShare)).arg(std::lround(100 * s.localisation->chanceShare)));
    QStringList warnings, others;
    for (const auto& v : s.verdicts)
        (v.warning ? warnings : others) << q(v.text);
    if (!warnings.isEmpty()) {
        set(Verdict, tr("⚠ do not trust: %1").arg(warnings.first()), warnings.join(QLatin1Char('\n')) + QLatin1Char('\n') + others.join(QLatin1Char('\n')));
        table_->item(index, Verdict)->setBackground(QColor(253, 226, 225));
        table_->item(index, Verdict)->setForeground(QColor(122, 17, 17));   // dark on pale in either theme
    } else {
        set(Verdict, tr("✓ %1").arg(others.isEmpty() ? tr("no warnings") : others.first()), others.join(QLatin1Char('\n')));
    }
}

} // namespace execg
