#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

namespace execg {

// ASCII letters in lower case; other bytes (UTF-8 included) as they are.
inline std::string lowerCase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// The extension of the path's file name in lower case, with its dot (".hea"); "" for none. Formats are known by
// their extension in any case (RECORD.HEA, scan.DCM).
inline std::string lowerCaseExtension(const std::string& path)
{
    return lowerCase(std::filesystem::path(path).extension().string());
}

} // namespace execg
