#pragma once
// The audit log as a table for the viewer: its entries read, and their chain verified, off the GUI thread; a filter
// (case, model, dates — core's AuditFilter, the one `execg-cli audit list` uses) picks the rows shown; each row says
// whether its entry is whole, or what verify() found wrong with it.
#include "audit/AuditLog.h"

#include <QAbstractTableModel>
#include <QString>

#include <map>
#include <vector>

namespace execg {

class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Seq, Time, User, Program, Recording, Model, Methods, Chain, ColumnCount };

    explicit AuditLogModel(QObject* parent = nullptr);

    // Reads `path` (and verifies it) off the GUI thread; loaded() or failed() follow.
    void load(const QString& path);
    QString path() const { return path_; }
    bool loading() const { return loading_; }
    void setFilter(const AuditFilter& filter);

    int totalEntries() const { return int(all_.size()); }
    int problemCount() const { return int(problems_.size()); }
    // The entry behind a shown row.
    const AuditEntry& entryAt(int row) const { return all_[shown_[std::size_t(row)]]; }
    // What verify() found wrong with the entry of `seq`, in words; empty when it is whole.
    QString problemOf(std::int64_t seq) const;
    // The distinct model files the log names, for the viewer's model filter.
    QStringList models() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void loaded();
    void failed(const QString& message);

private:
    void refilter();   // shown_ from all_ and filter_; the caller resets the model around it

    QString path_;
    bool loading_ = false;
    int generation_ = 0;   // a load superseded by a newer one is dropped
    std::vector<AuditEntry> all_;
    std::multimap<std::int64_t, QString> problems_;
    AuditFilter filter_;
    std::vector<std::size_t> shown_;
};

} // namespace execg
