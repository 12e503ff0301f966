#pragma once
// Two cohort stores compared by what their analyses settled (not their timing): what the resume, shard and Slurm
// tests check against a run on one machine without interruption.
#include "cohort/CohortStore.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace execg::test {

inline std::map<std::string, CohortRecord> recordsOf(const QString& store)
{
    std::map<std::string, CohortRecord> out;
    CohortStore::openToRead(store.toStdString()).forEachRecord([&](const CohortRecord& r) { out.emplace(r.input, r); });
    return out;
}

inline bool sameNumber(double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(a)); }

// Everything the analysis settled (not its timing) is the same in both stores; a message naming the first difference.
inline QString difference(const std::map<std::string, CohortRecord>& a, const std::map<std::string, CohortRecord>& b)
{
    if (a.size() != b.size())
        return QStringLiteral("%1 records against %2").arg(a.size()).arg(b.size());
    for (const auto& [input, x] : a) {
        const auto it = b.find(input);
        if (it == b.end())
            return QString::fromStdString(input + " missing");
        const CohortRecord& y = it->second;
        const QString at = QString::fromStdString(input) + QStringLiteral(": ");
        if (x.error != y.error || x.warnings != y.warnings || x.labels != y.labels || x.predicted != y.predicted)
            return at + QStringLiteral("error, warnings, labels or prediction differ");
        if (x.outputs.size() != y.outputs.size() || x.measurements.size() != y.measurements.size() || x.methods.size() != y.methods.size())
            return at + QStringLiteral("a different number of outputs, measurements or methods");
        for (std::size_t k = 0; k < x.outputs.size(); ++k)
            if (!sameNumber(x.outputs[k].value, y.outputs[k].value))
                return at + QStringLiteral("output %1: %2 against %3").arg(k).arg(x.outputs[k].value).arg(y.outputs[k].value);
        for (std::size_t k = 0; k < x.methods.size(); ++k) {
            const auto &m = x.methods[k], &n = y.methods[k];
            if (m.method != n.method || m.error != n.error || m.shares.size() != n.shares.size() || m.beatProfile.size() != n.beatProfile.size())
                return at + QString::fromStdString(m.method) + QStringLiteral(": differs");
            for (std::size_t s = 0; s < m.shares.size(); ++s)
                if (!sameNumber(m.shares[s].share, n.shares[s].share))
                    return at + QString::fromStdString(m.method + " share " + m.shares[s].lead + "/" + m.shares[s].wave) + QStringLiteral(" differs");
        }
    }
    return {};
}

} // namespace execg::test
