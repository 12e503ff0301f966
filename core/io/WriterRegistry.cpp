#include "io/WriterRegistry.h"

#include "io/FileExtension.h"
#include "io/dicom/DicomRecordingWriter.h"
#include "io/edf/EdfRecordingWriter.h"
#include "io/scp/ScpRecordingWriter.h"
#include "io/wfdb/WfdbRecordingWriter.h"

#include <algorithm>

namespace execg {

namespace {

// In this order in messages and save dialogs.
void registerBuiltinWriters(WriterRegistry& r)
{
    r.add(std::make_unique<WfdbRecordingWriter>());
    r.add(std::make_unique<DicomRecordingWriter>());
    r.add(std::make_unique<EdfRecordingWriter>());
    r.add(std::make_unique<ScpRecordingWriter>());
}

} // namespace

WriterRegistry& WriterRegistry::instance()
{
    static WriterRegistry registry = [] {
        WriterRegistry r;
        registerBuiltinWriters(r);
        return r;
    }();
    return registry;
}

void WriterRegistry::add(std::unique_ptr<RecordingWriter> writer)
{
    writers_.push_back(std::move(writer));
}

const RecordingWriter* WriterRegistry::byName(const std::string& name) const
{
    for (const auto& w : writers_)
        if (w->name() == name)
            return w.get();
    return nullptr;
}

const RecordingWriter* WriterRegistry::byExtension(const std::string& extension) const
{
    const std::string ext = lowerCase(extension);
    if (ext.empty())
        return nullptr;
    for (const auto& w : writers_) {
        const auto known = w->extensions();
        if (std::find(known.begin(), known.end(), ext) != known.end())
            return w.get();
    }
    return nullptr;
}

const RecordingWriter& WriterRegistry::writerFor(const std::string& path) const
{
    const std::string ext = lowerCaseExtension(path);
    if (const RecordingWriter* w = byExtension(ext))
        return *w;
    if (ext.empty())
        for (const auto& w : writers_)
            if (w->acceptsBarePath())
                return *w;
    throw WriteError(path, "no format is written as \"" + ext + "\"; the name must end in " + extensionList());
}

WriteResult WriterRegistry::write(const Recording& recording, const std::string& path, const WriteOptions& options) const
{
    return writerFor(path).write(recording, path, options);
}

std::vector<std::string> WriterRegistry::filePatterns() const
{
    std::vector<std::string> out;
    for (const auto& w : writers_)
        for (const auto& ext : w->extensions())
            out.push_back("*" + ext);
    return out;
}

std::string WriterRegistry::extensionList() const
{
    std::vector<std::string> named;
    for (const auto& w : writers_)
        for (const auto& ext : w->extensions())
            named.push_back(ext + " (" + w->name() + ")");
    return alternatives(named);
}

} // namespace execg
