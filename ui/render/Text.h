#pragma once
// The engine speaks std::string, Qt speaks QString: one conversion, shared by the renderers, widgets and CLI.
#include <QString>

#include <string>

namespace execg {

inline QString q(const std::string& s) { return QString::fromStdString(s); }

} // namespace execg
