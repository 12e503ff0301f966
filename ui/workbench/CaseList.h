#pragma once
// The worklist: the recordings a reviewer goes through, in order, each with what happened when it was opened (an
// error stays beside its file; it never stops the rest). Folders expand to the readable files inside them.
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace execg {

struct CaseEntry {
    QString path;
    QString error;        // why it could not be opened; empty when it opened or was not tried yet
    bool opened = false;  // opened successfully at least once
};

class CaseList : public QObject {
    Q_OBJECT
public:
    explicit CaseList(QObject* parent = nullptr);

    // Adds files and folders (a folder: every readable file under it, sorted by path; a WFDB record by its header).
    // Paths already listed are not added again. Returns the index of the first path given, or −1 when none of them
    // holds a readable file.
    int add(const QStringList& paths);
    void clear();

    const std::vector<CaseEntry>& entries() const { return entries_; }
    int size() const { return int(entries_.size()); }
    int current() const { return current_; }
    int indexOf(const QString& path) const;
    void setCurrent(int index);
    void markOpened(const QString& path);
    void markFailed(const QString& path, const QString& error);

    // Files a folder contributes (exposed for tests).
    static QStringList readableFilesUnder(const QString& folder);

signals:
    void changed();
    void currentChanged(int index);

private:
    std::vector<CaseEntry> entries_;
    QHash<QString, int> index_;   // path → entry
    int current_ = -1;
};

} // namespace execg
