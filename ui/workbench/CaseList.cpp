#include "workbench/CaseList.h"

#include "io/ReaderRegistry.h"

#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace execg {

namespace {

// Large archives (PTB-XL has 21 837 records) would make an unusable worklist; the first ones are listed.
constexpr int kMaxFilesPerFolder = 5000;

QStringList nameFilters()
{
    QStringList out;
    for (const auto& p : ReaderRegistry::instance().filePatterns())
        out << QString::fromStdString(p);
    return out;
}

} // namespace

CaseList::CaseList(QObject* parent) : QObject(parent) {}

QStringList CaseList::readableFilesUnder(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder, nameFilters(), QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    std::sort(files.begin(), files.end());   // sorted first, so "the first 5000" means the same on every machine
    if (files.size() > kMaxFilesPerFolder)
        files.resize(kMaxFilesPerFolder);
    return files;
}

int CaseList::indexOf(const QString& path) const { return index_.value(QFileInfo(path).absoluteFilePath(), -1); }

int CaseList::add(const QStringList& paths)
{
    int first = -1;
    for (const QString& given : paths) {
        const QFileInfo info(given);
        // A missing file is listed too: opening it says so, beside its name.
        const QStringList files = info.isDir() ? readableFilesUnder(info.absoluteFilePath()) : QStringList{info.absoluteFilePath()};
        for (const QString& f : files) {
            int at = indexOf(f);
            if (at < 0) {
                entries_.push_back({f, {}, false});
                at = int(entries_.size()) - 1;
                index_.insert(f, at);
            }
            if (first < 0)
                first = at;
        }
    }
    emit changed();
    return first;
}

void CaseList::clear()
{
    entries_.clear();
    index_.clear();
    current_ = -1;
    emit changed();
    emit currentChanged(-1);
}

void CaseList::setCurrent(int index)
{
    if (index < 0 || index >= size() || index == current_)
        return;
    current_ = index;
    emit currentChanged(index);
}

void CaseList::markOpened(const QString& path)
{
    const int i = indexOf(path);
    if (i < 0)
        return;
    entries_[std::size_t(i)].opened = true;
    entries_[std::size_t(i)].error.clear();
    emit changed();
}

void CaseList::markFailed(const QString& path, const QString& error)
{
    const int i = indexOf(path);
    if (i < 0)
        return;
    entries_[std::size_t(i)].error = error;
    emit changed();
}

} // namespace execg
