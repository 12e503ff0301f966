#include "recording/LeadNames.h"

#include "recording/Recording.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace execg {

const std::vector<std::string>& standardTwelveLeads()
{
    static const std::vector<std::string> leads{"I", "II", "III", "aVR", "aVL", "aVF",
                                                "V1", "V2", "V3", "V4", "V5", "V6"};
    return leads;
}

namespace {

std::string normalise(const std::string& label)
{
    std::string s;
    int depth = 0;
    for (char c : label) {
        if (c == '(') { ++depth; continue; }
        if (c == ')') { depth = std::max(0, depth - 1); continue; }
        if (depth > 0 || std::isspace(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
            continue;
        s.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    for (const char* prefix : {"LEAD", "ECG"}) {
        const std::string p(prefix);
        if (s.size() > p.size() && s.compare(0, p.size(), p) == 0)
            s.erase(0, p.size());
    }
    return s;
}

} // namespace

std::optional<std::string> standardLeadName(const std::string& label, bool allowEuropeanChestLabels)
{
    // A leading minus is a polarity ("-aVR" in the Cabrera display), not punctuation: it must survive normalising.
    const auto firstChar = label.find_first_not_of(" \t");
    const bool inverted = firstChar != std::string::npos && label[firstChar] == '-';
    const std::string s = normalise(inverted ? label.substr(firstChar + 1) : label);
    if (s.empty())
        return std::nullopt;
    if (inverted)
        return s == "AVR" ? std::optional<std::string>("-aVR") : std::nullopt;
    static const std::array<std::pair<const char*, const char*>, 12> fixed{{
        {"I", "I"}, {"II", "II"}, {"III", "III"}, {"AVR", "aVR"}, {"AVL", "aVL"}, {"AVF", "aVF"},
        {"X", "X"}, {"Y", "Y"}, {"Z", "Z"}, {"VX", "X"}, {"VY", "Y"}, {"VZ", "Z"},
    }};
    for (const auto& [key, name] : fixed)
        if (s == key)
            return std::string(name);
    // Chest leads: V1..V9, right-sided V3R..V6R. European devices write C1..C6, but C3/C4 are also EEG
    // electrodes in polysomnography files, so that spelling is accepted only when the caller knows it is an ECG.
    if ((s[0] == 'V' || (s[0] == 'C' && allowEuropeanChestLabels)) && s.size() >= 2 && std::isdigit(static_cast<unsigned char>(s[1]))) {
        const int n = s[1] - '0';
        if (s.size() == 2 && n >= 1 && n <= 9)
            return "V" + std::to_string(n);
        if (s.size() == 3 && s[2] == 'R' && n >= 1 && n <= 9)
            return "V" + std::to_string(n) + "R";
    }
    return std::nullopt;
}

std::vector<std::string> deriveMissingLimbLeads(SignalGroup& group)
{
    std::vector<std::string> added;
    const Lead* leadI = group.findLead("I");
    const Lead* leadII = group.findLead("II");
    if (!leadI || !leadII || !leadI->provenance.isVoltage || !leadII->provenance.isVoltage ||
        leadI->samples.size() != leadII->samples.size())
        return added;
    const std::vector<float> one = leadI->samples;   // copies: push_back below may reallocate
    const std::vector<float> two = leadII->samples;
    const size_t n = one.size();

    struct Rule { const char* name; const char* formula; float a, b; };  // value = a·I + b·II
    // Einthoven: III = II − I. Goldberger: aVR = −(I+II)/2, aVL = I − II/2, aVF = II − I/2.
    static const std::array<Rule, 4> rules{{
        {"III", "II - I", -1.0f, 1.0f},
        {"aVR", "-(I + II) / 2", -0.5f, -0.5f},
        {"aVL", "I - II / 2", 1.0f, -0.5f},
        {"aVF", "II - I / 2", -0.5f, 1.0f},
    }};
    for (const auto& rule : rules) {
        if (group.findLead(rule.name))
            continue;
        Lead lead;
        lead.name = rule.name;
        lead.samples.resize(n);
        for (size_t i = 0; i < n; ++i)
            lead.samples[i] = rule.a * one[i] + rule.b * two[i];
        lead.provenance.derived = true;
        lead.provenance.derivation = rule.formula;
        lead.provenance.storedUnits = "mV";
        group.leads.push_back(std::move(lead));
        added.emplace_back(rule.name);
    }
    // Keep the conventional order: limb leads first, then whatever the file stored after them.
    if (!added.empty()) {
        const auto& order = standardTwelveLeads();
        auto rank = [&](const Lead& l) {
            auto it = std::find(order.begin(), order.end(), l.name);
            return it == order.end() ? static_cast<long>(order.size()) : static_cast<long>(it - order.begin());
        };
        std::stable_sort(group.leads.begin(), group.leads.end(),
                         [&](const Lead& a, const Lead& b) { return rank(a) < rank(b); });
    }
    return added;
}

std::vector<std::string> splitLeadList(const std::string& text)
{
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        const auto b = cur.find_first_not_of(" \t");
        const auto e = cur.find_last_not_of(" \t");
        if (b != std::string::npos)
            out.push_back(cur.substr(b, e - b + 1));
        cur.clear();
    };
    for (char c : text) {
        if (c == ',') flush(); else cur.push_back(c);
    }
    flush();
    return out;
}

void deriveMissingLimbLeads(Recording& recording)
{
    for (auto& g : recording.groups) {
        const auto added = deriveMissingLimbLeads(g);
        if (added.empty())
            continue;
        std::string list;
        for (const auto& n : added)
            list += (list.empty() ? "" : ", ") + n;
        recording.warnings.push_back("derived " + list + " from I and II" +
                                     (recording.groups.size() > 1 ? " (" + g.label + ")" : std::string()));
    }
}

std::string leadListText(const std::vector<std::string>& names)
{
    const auto items = leadListItems(names);
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return s;
}

std::vector<std::string> leadListItems(const std::vector<std::string>& names)
{
    static const std::vector<std::string> precordial{"V1", "V2", "V3", "V4", "V5", "V6"};
    const auto precordialIndex = [](const std::string& n) {
        const auto it = std::find(precordial.begin(), precordial.end(), n);
        return it == precordial.end() ? -1 : int(it - precordial.begin());
    };
    std::vector<std::string> items;
    for (std::size_t i = 0; i < names.size();) {
        std::size_t j = i + 1;
        const int first = precordialIndex(names[i]);
        while (first >= 0 && j < names.size() && precordialIndex(names[j]) == first + int(j - i))
            ++j;
        if (j - i >= 3) {
            items.push_back(names[i] + "–" + names[j - 1]);
            i = j;
        } else {
            items.push_back(names[i]);
            ++i;
        }
    }
    return items;
}

} // namespace execg
