#pragma once
// rdsamp text output (tab-separated columns, "-" for an invalid sample), plain or gzip-compressed.
#include <zlib.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace execg::test {

struct RdsampTable {
    std::vector<std::vector<double>> rows;   // NaN for "-"
    size_t columns() const { return rows.empty() ? 0 : rows.front().size(); }
};

inline RdsampTable loadRdsamp(const std::string& path, int skipLines = 0)
{
    RdsampTable t;
    gzFile f = gzopen(path.c_str(), "rb");   // reads plain files too
    if (!f)
        return t;
    std::string text;
    char buf[65536];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0)
        text.append(buf, static_cast<size_t>(n));
    gzclose(f);
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        if (lineNo++ < skipLines || line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        std::istringstream ls(line);
        std::string tok;
        std::vector<double> row;
        while (ls >> tok)
            row.push_back(tok == "-" ? std::numeric_limits<double>::quiet_NaN() : std::strtod(tok.c_str(), nullptr));
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace execg::test
