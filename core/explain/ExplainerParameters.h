#pragma once
// An explanation method's parameters described as data — name, type, range, default, unit, help — so that the GUI's
// forms and the command line's `method:key=value,...` are generated from one description, and every value is checked
// in one place with a message naming the method and the parameter.
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

// Text: free text the method reads itself (a ';'-separated list of leads).
enum class ParameterType { Integer, Real, Choice, Layer, Flag, Text };

struct ParameterSpec {
    std::string name;           // "steps", "noise", "layer" (as typed on the command line)
    ParameterType type = ParameterType::Real;
    double min = 0.0, max = 0.0;        // Integer and Real, inclusive
    std::string defaultValue;           // as text; empty for Layer means "the card's first suitable layer"
    std::string unit;                   // "mV", "ms", "" …
    std::string help;                   // one sentence for tooltips and --help
    std::vector<std::string> choices;   // Choice
};

struct ExplainError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Resolved values: every declared parameter present, checked, in canonical text form.
class ParameterValues {
public:
    ParameterValues() = default;
    explicit ParameterValues(std::map<std::string, std::string> values) : values_(std::move(values)) {}

    int integer(const std::string& name) const;
    double real(const std::string& name) const;
    const std::string& text(const std::string& name) const;   // Choice, Layer and Text
    bool flag(const std::string& name) const;
    const std::map<std::string, std::string>& all() const { return values_; }
    void set(const std::string& name, const std::string& value) { values_[name] = value; }

private:
    std::map<std::string, std::string> values_;
};

// "steps=50,rule=gauss-legendre" → {steps: 50, rule: gauss-legendre}. Throws ExplainError on a malformed item.
std::map<std::string, std::string> parseParameterList(const std::string& list);

// Fills defaults and checks every given value against its spec; unknown names are refused (a typo must not be
// silently ignored). `method` names the method in errors.
ParameterValues resolveParameters(const std::string& method, const std::vector<ParameterSpec>& specs,
                                  const std::map<std::string, std::string>& given);

} // namespace execg
