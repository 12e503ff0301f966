#include "widgets/WorklistPanel.h"

#include "widgets/Theme.h"
#include "workbench/Workbench.h"

#include <QFileInfo>
#include <QListWidget>
#include <QVBoxLayout>

namespace execg {

WorklistPanel::WorklistPanel(Workbench& workbench, QWidget* parent) : QWidget(parent), workbench_(workbench)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("worklist"));
    layout->addWidget(list_);
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { workbench_.openCaseAt(list_->row(item)); });
    connect(&workbench_.cases(), &CaseList::changed, this, &WorklistPanel::refresh);
    connect(&workbench_.cases(), &CaseList::currentChanged, this, &WorklistPanel::refresh);
    connect(&workbench_, &Workbench::deidentifyChanged, this, &WorklistPanel::refresh);
    refresh();
}

void WorklistPanel::refresh()
{
    const auto& entries = workbench_.cases().entries();
    list_->clear();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        // The state in words as well as in a sign: readable without colour.
        const QString mark = !e.error.isEmpty() ? QStringLiteral("⚠ ") : e.opened ? QStringLiteral("✓ ") : QStringLiteral("   ");
        // De-identified cases show no file name: names of files and folders often carry the patient's.
        const bool hide = workbench_.deidentify();
        auto* item = new QListWidgetItem(mark + (hide ? workbench_.caseAlias(int(i)) : QFileInfo(e.path).fileName()), list_);
        if (!hide)
            item->setToolTip(e.error.isEmpty() ? e.path : e.path + QLatin1Char('\n') + e.error);
        if (!e.error.isEmpty())
            item->setForeground(errorTextColour());
        if (int(i) == workbench_.cases().current()) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    if (workbench_.cases().current() >= 0)
        list_->setCurrentRow(workbench_.cases().current());
}

} // namespace execg
