#include "workbench/AuditLogModel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <nlohmann/json.hpp>

#include <set>
#include <variant>

namespace execg {

namespace {

struct Snapshot {
    std::vector<AuditEntry> entries;
    std::vector<AuditProblem> problems;
};

QString q(const std::string& s) { return QString::fromStdString(s); }

// "saliency, integrated-gradients (seed 7)": the methods' JSON as a line.
QString methodsLine(const std::string& json)
{
    QStringList out;
    try {
        for (const auto& m : nlohmann::json::parse(json)) {
            QString name = q(m.value("method", std::string()));
            if (m.contains("seed"))
                name += AuditLogModel::tr(" (seed %1)").arg(q(m["seed"].dump()));
            if (m.contains("error"))
                name += AuditLogModel::tr(" (failed)");
            out << name;
        }
    } catch (const nlohmann::json::exception&) {
        return q(json);   // an edited entry may hold anything: shown as it is
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

AuditLogModel::AuditLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void AuditLogModel::load(const QString& path)
{
    path_ = path;
    loading_ = true;
    const int generation = ++generation_;
    using Outcome = std::variant<Snapshot, QString>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != generation_)
            return;
        loading_ = false;
        if (const auto* error = std::get_if<QString>(&outcome)) {
            beginResetModel();   // nothing shown from a log that was not read
            all_.clear();
            problems_.clear();
            shown_.clear();
            endResetModel();
            emit failed(*error);
            return;
        }
        auto& snapshot = std::get<Snapshot>(outcome);
        beginResetModel();
        all_ = std::move(snapshot.entries);
        problems_.clear();
        for (const auto& p : snapshot.problems)
            problems_.emplace(p.seq, q(p.problem));
        refilter();
        endResetModel();
        emit loaded();
    });
    const std::string file = path.toStdString();
    watcher->setFuture(QtConcurrent::run([file]() -> Outcome {
        try {
            if (!QFileInfo::exists(QString::fromStdString(file)))
                return tr("%1: there is no audit log yet — no analysis has been recorded").arg(QString::fromStdString(file));
            const AuditLog log(file);
            return Snapshot{log.entries(), log.verify()};
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

void AuditLogModel::setFilter(const AuditFilter& filter)
{
    beginResetModel();
    filter_ = filter;
    refilter();
    endResetModel();
}

void AuditLogModel::refilter()
{
    shown_.clear();
    for (std::size_t i = 0; i < all_.size(); ++i)
        if (filter_.matches(all_[i]))
            shown_.push_back(i);
}

QString AuditLogModel::problemOf(std::int64_t seq) const
{
    QStringList out;
    const auto [first, last] = problems_.equal_range(seq);
    for (auto it = first; it != last; ++it)
        out << it->second;
    return out.join(QStringLiteral("; "));
}

QStringList AuditLogModel::models() const
{
    std::set<QString> names;
    for (const auto& e : all_)
        names.insert(q(e.model));
    return QStringList(names.begin(), names.end());
}

int AuditLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(shown_.size()); }

int AuditLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const AuditEntry& e = entryAt(index.row());
    const QString problem = problemOf(e.seq);
    if (role == Qt::BackgroundRole && !problem.isEmpty())
        return QBrush(QColor(0xfd, 0xe0, 0xc5));   // pale orange, with the words in the Chain column
    if (role == Qt::ToolTipRole) {
        if (index.column() == Recording)
            return tr("%1\nSHA-256 %2").arg(q(e.input), q(e.inputSha256));
        if (index.column() == Model)
            return tr("%1\nSHA-256 %2").arg(q(e.model), q(e.modelSha256));
        return problem.isEmpty() ? QVariant() : QVariant(problem);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Seq: return qlonglong(e.seq);
    case Time: return q(e.timeUtc).replace(QLatin1Char('T'), QLatin1Char(' ')).remove(QLatin1Char('Z'));
    case User: return tr("%1 on %2").arg(q(e.user), q(e.host));
    case Program: return q(e.program);
    case Recording: return QFileInfo(q(e.input)).fileName();
    case Model: return QFileInfo(q(e.model)).fileName();
    case Methods: return methodsLine(e.methods);
    case Chain: return problem.isEmpty() ? tr("whole") : QString::fromUtf8("⚠ ") + problem;
    case ColumnCount: break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Seq: return tr("Entry");
    case Time: return tr("Time (UTC)");
    case User: return tr("User");
    case Program: return tr("Program");
    case Recording: return tr("Recording");
    case Model: return tr("Model");
    case Methods: return tr("Methods");
    case Chain: return tr("Chain");
    case ColumnCount: break;
    }
    return {};
}

} // namespace execg
