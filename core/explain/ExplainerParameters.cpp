#include "explain/ExplainerParameters.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

namespace execg {

namespace {

std::string trimmed(const std::string& s)
{
    const auto a = s.find_first_not_of(" \t");
    const auto b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

bool parseDouble(const std::string& text, double& out)
{
    try {
        std::size_t used = 0;
        out = std::stod(text, &used);
        return used == text.size() && std::isfinite(out);
    } catch (const std::exception&) {
        return false;
    }
}

std::string canonical(const std::string& method, const ParameterSpec& spec, const std::string& raw)
{
    const std::string where = method + ": parameter '" + spec.name + "'";
    switch (spec.type) {
    case ParameterType::Integer: {
        long long v = 0;
        const auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
        if (ec != std::errc() || ptr != raw.data() + raw.size())
            throw ExplainError(where + " expects a whole number, got '" + raw + "'");
        if (double(v) < spec.min || double(v) > spec.max)
            throw ExplainError(where + " is " + raw + "; allowed " + std::to_string(std::llround(spec.min)) + " to " +
                               std::to_string(std::llround(spec.max)));
        return std::to_string(v);
    }
    case ParameterType::Real: {
        double v = 0;
        if (!parseDouble(raw, v))
            throw ExplainError(where + " expects a number, got '" + raw + "'");
        if (v < spec.min || v > spec.max) {
            std::ostringstream msg;
            msg << where << " is " << raw << (spec.unit.empty() ? "" : " " + spec.unit) << "; allowed " << spec.min
                << " to " << spec.max << (spec.unit.empty() ? "" : " " + spec.unit);
            throw ExplainError(msg.str());
        }
        std::ostringstream text;
        text << v;
        return text.str();
    }
    case ParameterType::Choice:
        if (std::find(spec.choices.begin(), spec.choices.end(), raw) == spec.choices.end()) {
            std::string list;
            for (const auto& c : spec.choices)
                list += (list.empty() ? "" : ", ") + c;
            throw ExplainError(where + " is '" + raw + "'; choose one of " + list);
        }
        return raw;
    case ParameterType::Flag:
        if (raw == "true" || raw == "1" || raw == "yes")
            return "true";
        if (raw == "false" || raw == "0" || raw == "no")
            return "false";
        throw ExplainError(where + " expects true or false, got '" + raw + "'");
    case ParameterType::Layer:
    case ParameterType::Text:
        return raw;   // read and checked by the method (a layer against the model's card, leads against the file)
    }
    return raw;
}

} // namespace

int ParameterValues::integer(const std::string& name) const { return std::stoi(text(name)); }
double ParameterValues::real(const std::string& name) const { return std::stod(text(name)); }
bool ParameterValues::flag(const std::string& name) const { return text(name) == "true"; }

const std::string& ParameterValues::text(const std::string& name) const
{
    const auto it = values_.find(name);
    if (it == values_.end())
        throw ExplainError("parameter '" + name + "' was not resolved");
    return it->second;
}

std::map<std::string, std::string> parseParameterList(const std::string& list)
{
    std::map<std::string, std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        item = trimmed(item);
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw ExplainError("parameter '" + item + "' must be written name=value");
        out[trimmed(item.substr(0, eq))] = trimmed(item.substr(eq + 1));
    }
    return out;
}

ParameterValues resolveParameters(const std::string& method, const std::vector<ParameterSpec>& specs,
                                  const std::map<std::string, std::string>& given)
{
    for (const auto& entry : given) {
        const std::string& name = entry.first;   // not a structured binding: clang 14 cannot capture one (fuzz preset)
        if (std::none_of(specs.begin(), specs.end(), [&](const ParameterSpec& s) { return s.name == name; })) {
            std::string list;
            for (const auto& s : specs)
                list += (list.empty() ? "" : ", ") + s.name;
            throw ExplainError(method + " has no parameter '" + name + "' (it has: " + (list.empty() ? "none" : list) + ")");
        }
    }
    ParameterValues values;
    for (const auto& spec : specs) {
        const auto it = given.find(spec.name);
        const std::string raw = it != given.end() ? it->second : spec.defaultValue;
        values.set(spec.name, raw.empty() && (spec.type == ParameterType::Layer || spec.type == ParameterType::Text) ? "" : canonical(method, spec, raw));
    }
    return values;
}

} // namespace execg
