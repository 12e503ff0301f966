#include "cohort/CohortInputs.h"

#include "io/ReaderRegistry.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace execg {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

const std::set<std::string>& readerExtensions()
{
    static const std::set<std::string> extensions = [] {
        std::set<std::string> e;
        for (const auto& r : ReaderRegistry::instance().readers())
            for (const auto& x : r->extensions())
                e.insert(lower(x));
        return e;
    }();
    return extensions;
}

// One table's rows as fields (RFC 4180 quoting: a quoted field may hold the separator, "" and line breaks).
std::vector<std::vector<std::string>> parseTable(const std::string& text, char separator, const std::string& file)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, fieldStarted = false;
    int line = 1, quoteLine = 0;
    const auto endField = [&] {
        row.push_back(fieldStarted ? field : trim(field));
        field.clear();
        fieldStarted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            quoted = fieldStarted = true;
            quoteLine = line;
            field.clear();
        } else if (c == separator) {
            endField();
        } else if (c == '\n') {
            endField();
            if (!(row.size() == 1 && row.front().empty()))
                rows.push_back(std::move(row));
            row.clear();
            ++line;
        } else if (c != '\r') {
            field += c;
        }
    }
    if (quoted)
        throw CohortInputError(file + ": line " + std::to_string(quoteLine) + ": a quoted field is never closed");
    if (!field.empty() || !row.empty()) {
        endField();
        if (!(row.size() == 1 && row.front().empty()))
            rows.push_back(std::move(row));
    }
    return rows;
}

// A manifest's path made usable: relative to the manifest's folder, ".hea" added to a bare WFDB record name.
std::string resolvePath(const std::string& value, const fs::path& base)
{
    fs::path p(value);
    if (p.is_relative())
        p = base / p;
    p = p.lexically_normal();
    if (!p.has_extension() && !fs::exists(p) && fs::exists(fs::path(p.string() + ".hea")))
        p = fs::path(p.string() + ".hea");
    return p.string();
}

} // namespace

std::vector<std::string> recordingFilesIn(const std::vector<std::string>& given)
{
    std::vector<std::string> files;
    for (const auto& g : given) {
        if (!g.empty() && g.front() == '@') {
            const std::string list = g.substr(1);
            std::ifstream in(list);
            if (!in)
                throw CohortInputError(list + ": cannot read the file list");
            const fs::path base = fs::path(list).parent_path();
            std::vector<std::string> named;
            for (std::string line; std::getline(in, line);) {
                line = trim(line);
                if (line.empty() || line.front() == '#')
                    continue;
                named.push_back(fs::path(line).is_relative() ? (base / line).lexically_normal().string() : line);
            }
            const auto expanded = recordingFilesIn(named);
            files.insert(files.end(), expanded.begin(), expanded.end());
            continue;
        }
        if (!fs::exists(g))
            throw CohortInputError(g + ": no such file or folder");
        if (!fs::is_directory(g)) {
            files.push_back(g);
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(g, fs::directory_options::skip_permission_denied))
            if (entry.is_regular_file() && readerExtensions().count(lower(entry.path().extension().string())))
                found.push_back(entry.path().string());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

CohortInputs readManifest(const std::string& manifestPath, const std::string& pathColumn)
{
    std::ifstream in(manifestPath, std::ios::binary);
    if (!in)
        throw CohortInputError(manifestPath + ": cannot read the manifest");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)   // a spreadsheet's byte-order mark
        text.erase(0, 3);
    const std::string header = text.substr(0, text.find('\n'));
    const char separator = header.find('\t') != std::string::npos ? '\t' : ',';
    const auto rows = parseTable(text, separator, manifestPath);
    if (rows.empty())
        throw CohortInputError(manifestPath + ": the manifest is empty (it needs a header row and one row per recording)");
    const auto& columns = rows.front();
    std::size_t pathAt = 0;
    if (!pathColumn.empty()) {
        const auto it = std::find(columns.begin(), columns.end(), pathColumn);
        if (it == columns.end())
            throw CohortInputError(manifestPath + ": no column '" + pathColumn + "' in the header");
        pathAt = std::size_t(it - columns.begin());
    } else {
        for (const char* name : {"path", "file", "filename", "filename_hr", "filename_lr", "record", "recording"}) {
            const auto it = std::find_if(columns.begin(), columns.end(), [&](const std::string& c) { return lower(c) == name; });
            if (it != columns.end()) {
                pathAt = std::size_t(it - columns.begin());
                break;
            }
        }
    }
    CohortInputs out;
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (c != pathAt)
            out.labelColumns.push_back(columns[c]);
    const fs::path base = fs::path(manifestPath).parent_path();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() != columns.size())
            throw CohortInputError(manifestPath + ": row " + std::to_string(r + 1) + " has " + std::to_string(row.size()) +
                                   " fields, the header " + std::to_string(columns.size()));
        if (row[pathAt].empty())
            throw CohortInputError(manifestPath + ": row " + std::to_string(r + 1) + " names no file in column '" +
                                   columns[pathAt] + "'");
        CohortInput input;
        input.path = resolvePath(row[pathAt], base);
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (c != pathAt)
                input.labels[columns[c]] = row[c];
        out.inputs.push_back(std::move(input));
    }
    return out;
}

CohortInputs collectCohortInputs(const std::string& manifestPath, const std::vector<std::string>& given, const std::string& pathColumn)
{
    CohortInputs all;
    if (!manifestPath.empty())
        all = readManifest(manifestPath, pathColumn);
    for (auto& path : recordingFilesIn(given))
        all.inputs.push_back({std::move(path), {}});
    // Stable order, each file once: a manifest row before a bare mention of the same file (it has the labels).
    std::stable_sort(all.inputs.begin(), all.inputs.end(), [](const CohortInput& a, const CohortInput& b) { return a.path < b.path; });
    all.inputs.erase(std::unique(all.inputs.begin(), all.inputs.end(),
                                 [](const CohortInput& a, const CohortInput& b) { return a.path == b.path; }),
                     all.inputs.end());
    return all;
}

Shard parseShard(const std::string& text)
{
    const auto slash = text.find('/');
    const auto number = [&](const std::string& s) {
        if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
            throw CohortInputError("--shard expects K/N with 1 <= K <= N (e.g. 3/8), got '" + text + "'");
        return std::stoi(s);
    };
    if (slash == std::string::npos)
        number("");
    Shard s{number(text.substr(0, slash)), number(text.substr(slash + 1))};
    if (s.count < 1 || s.index < 1 || s.index > s.count)
        throw CohortInputError("--shard expects K/N with 1 <= K <= N (e.g. 3/8), got '" + text + "'");
    return s;
}

std::vector<CohortInput> shardOf(const std::vector<CohortInput>& inputs, const Shard& shard)
{
    std::vector<CohortInput> out;
    for (std::size_t i = std::size_t(shard.index - 1); i < inputs.size(); i += std::size_t(shard.count))
        out.push_back(inputs[i]);
    return out;
}

} // namespace execg
