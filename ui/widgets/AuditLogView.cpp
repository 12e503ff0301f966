#include "widgets/AuditLogView.h"

#include "workbench/AuditLogModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace execg {

namespace {

// The first day the filter offers; shown as "any" (QDateEdit's special value at its minimum).
const QDate kAnyDate(2000, 1, 1);

QDateEdit* dateEdit()
{
    auto* edit = new QDateEdit;
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(AuditLogView::tr("any"));
    edit->setDate(kAnyDate);
    return edit;
}

std::string isoDate(const QDateEdit* edit)
{
    return edit->date() == kAnyDate ? std::string() : edit->date().toString(Qt::ISODate).toStdString();
}

QString pretty(const std::string& json)
{
    try {
        return QString::fromStdString(nlohmann::json::parse(json).dump(2));
    } catch (const nlohmann::json::exception&) {
        return QString::fromStdString(json);
    }
}

} // namespace

AuditLogView::AuditLogView(QWidget* parent) : QWidget(parent), model_(new AuditLogModel(this))
{
    setWindowTitle(tr("Audit log — ExECG Studio"));
    auto* layout = new QVBoxLayout(this);

    auto* filters = new QHBoxLayout;
    case_ = new QLineEdit;
    case_->setPlaceholderText(tr("file name, path or SHA-256"));
    case_->setClearButtonEnabled(true);
    modelBox_ = new QComboBox;
    modelBox_->setEditable(true);
    modelBox_->setInsertPolicy(QComboBox::NoInsert);
    modelBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    modelBox_->lineEdit()->setPlaceholderText(tr("any model"));
    from_ = dateEdit();
    to_ = dateEdit();
    verify_ = new QPushButton(tr("Verify again"));
    filters->addWidget(new QLabel(tr("Case:")));
    filters->addWidget(case_, 2);
    filters->addWidget(new QLabel(tr("Model:")));
    filters->addWidget(modelBox_, 1);
    filters->addWidget(new QLabel(tr("From (UTC):")));
    filters->addWidget(from_);
    filters->addWidget(new QLabel(tr("To:")));
    filters->addWidget(to_);
    filters->addWidget(verify_);
    layout->addLayout(filters);

    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);

    table_ = new QTableView;
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    details_ = new QPlainTextEdit;
    details_->setReadOnly(true);
    details_->setPlaceholderText(tr("Select an entry to see it in full."));
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(table_);
    split->addWidget(details_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(case_, &QLineEdit::textChanged, this, &AuditLogView::applyFilter);
    connect(modelBox_, &QComboBox::currentTextChanged, this, &AuditLogView::applyFilter);
    connect(from_, &QDateEdit::dateChanged, this, &AuditLogView::applyFilter);
    connect(to_, &QDateEdit::dateChanged, this, &AuditLogView::applyFilter);
    connect(verify_, &QPushButton::clicked, this, [this] { open(model_->path()); });
    connect(model_, &AuditLogModel::loaded, this, [this] {
        const QString chosen = modelBox_->currentText();
        const QSignalBlocker block(modelBox_);
        modelBox_->clear();
        modelBox_->addItem(QString());   // any model
        for (const auto& m : model_->models())
            if (modelBox_->findText(QFileInfo(m).fileName()) < 0)
                modelBox_->addItem(QFileInfo(m).fileName());
        modelBox_->setCurrentText(chosen);
        table_->resizeColumnsToContents();
        showStatus();
    });
    connect(model_, &AuditLogModel::failed, this, [this](const QString& message) {
        verify_->setEnabled(true);
        status_->setText(message);
    });
    connect(model_, &QAbstractItemModel::modelReset, this, &AuditLogView::showStatus);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogView::showDetails);
    connect(model_, &QAbstractItemModel::modelReset, this, &AuditLogView::showDetails);
}

void AuditLogView::open(const QString& path)
{
    verify_->setEnabled(false);
    status_->setText(tr("Reading and verifying the audit log…"));
    model_->load(path.isEmpty() ? QString::fromStdString(AuditLog::defaultPath()) : path);
}

void AuditLogView::applyFilter()
{
    AuditFilter f;
    f.caseText = case_->text().trimmed().toStdString();
    // A file name chosen, or any part of a path or the start of a SHA-256 typed.
    f.model = modelBox_->currentText().trimmed().toStdString();
    f.fromDate = isoDate(from_);
    f.toDate = isoDate(to_);
    model_->setFilter(f);
}

void AuditLogView::showStatus()
{
    if (model_->loading())
        return;
    verify_->setEnabled(true);
    const int total = model_->totalEntries(), shown = model_->rowCount(), problems = model_->problemCount();
    const QString chain = problems == 0 ? tr("the chain is whole: no entry has been edited, removed or moved")
                          : problems == 1 ? tr("1 problem in the chain: an entry was edited, removed or moved (shaded below)")
                                          : tr("%1 problems in the chain: entries were edited, removed or moved (shaded below)").arg(problems);
    status_->setText(tr("%1: %2 of %3 entries shown; %4.").arg(model_->path()).arg(shown).arg(total).arg(chain));
}

void AuditLogView::showDetails()
{
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= model_->rowCount()) {
        details_->clear();
        return;
    }
    const AuditEntry& e = model_->entryAt(current.row());
    const QString problem = model_->problemOf(e.seq);
    QStringList lines;
    lines << tr("Entry %1, %2 UTC, %3 on %4, %5").arg(e.seq).arg(QString::fromStdString(e.timeUtc), QString::fromStdString(e.user),
                                                       QString::fromStdString(e.host), QString::fromStdString(e.program));
    if (!problem.isEmpty())
        lines << QString::fromUtf8("⚠ ") + problem;
    lines << tr("Recording: %1 (SHA-256 %2)").arg(QString::fromStdString(e.input), QString::fromStdString(e.inputSha256));
    lines << tr("Model: %1 (SHA-256 %2)").arg(QString::fromStdString(e.model), QString::fromStdString(e.modelSha256));
    lines << tr("Results document SHA-256: %1").arg(QString::fromStdString(e.resultsSha256));
    lines << tr("Entry hash: %1 (the one before: %2)").arg(QString::fromStdString(e.hash), QString::fromStdString(e.prevHash));
    lines << tr("Methods:") << pretty(e.methods) << tr("Software:") << pretty(e.software);
    details_->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace execg
