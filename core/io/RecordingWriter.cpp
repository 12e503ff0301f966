#include "io/RecordingWriter.h"

#include <algorithm>
#include <stdexcept>

namespace execg {

namespace {

const WriterOption* findOption(const std::vector<WriterOption>& offered, const std::string& name)
{
    const auto it = std::find_if(offered.begin(), offered.end(), [&](const WriterOption& o) { return o.name == name; });
    return it == offered.end() ? nullptr : &*it;
}

} // namespace

std::string alternatives(const std::vector<std::string>& choices)
{
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i)
        out += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    return out;
}

bool RecordingWriter::offers(const std::string& option) const
{
    return findOption(options(), option) != nullptr;
}

WriteResult RecordingWriter::write(const Recording& recording, const std::string& path, const WriteOptions& options) const
{
    const auto offered = this->options();
    for (const auto& [key, value] : options.formatOptions) {
        const WriterOption* o = findOption(offered, key);
        if (!o)
            throw WriteError(path, name() + " has no option \"" + key + "\"");
        if (std::find(o->values.begin(), o->values.end(), value) == o->values.end())
            throw WriteError(path, name() + " option \"" + key + "\" must be " + alternatives(o->values) + ", not \"" +
                                       value + "\"");
    }
    return writeChecked(recording, path, options);
}

std::string RecordingWriter::option(const WriteOptions& options, const std::string& name) const
{
    if (const auto given = options.formatOptions.find(name); given != options.formatOptions.end())
        return given->second;
    const auto offered = this->options();
    const WriterOption* o = findOption(offered, name);
    if (!o || o->values.empty())
        throw std::logic_error(this->name() + " writer asks for option \"" + name + "\", which it does not offer");
    return o->values.front();
}

} // namespace execg
