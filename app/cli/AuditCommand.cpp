// execg-cli audit: the local audit trail (core/audit/AuditLog.h). `verify` walks the hash chain and names every
// edited, removed or reordered entry; `list` prints the entries. Every analysis explain and report run is appended
// to it (recordAudit) unless EXECG_AUDIT=off.
#include "AuditRecord.h"
#include "CliArgs.h"
#include "Commands.h"

#include "analysis/ResultsJson.h"
#include "audit/AuditLog.h"
#include "model/Sha256.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace execg::cli {

namespace {

bool isIsoDate(const std::string& s)
{
    return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
           std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

} // namespace

AuditRecordResult recordAudit(const ResultsDocument& document, const std::string& program, const std::string& resultsPath)
{
    AuditRecordResult result;
    result.log = AuditLog::defaultPath();
    if (!AuditLog::enabledByEnvironment()) {
        result.missing = "the audit log is switched off (EXECG_AUDIT=off)";
        return result;
    }
    try {
        AuditLog log(result.log);
        // A document not written to a file (compare) is hashed as `execg-cli explain` would write it.
        std::string hash;
        if (resultsPath.empty()) {
            const std::string text = resultsText(document);
            hash = sha256Hex(std::vector<std::uint8_t>(text.begin(), text.end()));
        } else {
            hash = sha256OfFile(resultsPath);
        }
        result.entry = log.append(auditEntryFor(document, program, hash));
    } catch (const std::exception& e) {
        // The analysis stands; the user is told it is not in the trail.
        result.missing = e.what();
        std::cerr << "execg-cli: warning: not recorded in the audit log: " << e.what() << "\n";
    }
    return result;
}

int runAudit(const std::vector<std::string>& words)
{
    const char* usage = "usage: execg-cli audit verify [--log PATH]\n"
                        "       execg-cli audit list [--log PATH] [--case TEXT] [--model TEXT] [--since YYYY-MM-DD] [--until YYYY-MM-DD]\n\n"
                        "The audit log (default $EXECG_AUDIT_LOG, else ~/.local/share/execg-studio/audit.sqlite) holds one\n"
                        "entry per analysis that explain and report ran: user, host, time, the input's and the model's SHA-256,\n"
                        "the methods with their parameters and seeds, the software versions and the results document's\n"
                        "SHA-256, each chained to the one before. verify names every entry edited, removed or moved (exit 1);\n"
                        "EXECG_AUDIT=off stops the recording. list's filters: --case and --model match a part of the file's path\n"
                        "or the start of its SHA-256; --since and --until are UTC dates, inclusive.\n";
    if (words.empty() || words.front() == "--help" || words.front() == "-h") {
        std::cout << usage;
        return words.empty() ? 2 : 0;
    }
    const CliArgs args(std::vector<std::string>(words.begin() + 1, words.end()), {"help"});
    if (args.has("help")) {
        std::cout << usage;
        return 0;
    }
    if (const auto bad = args.unknown({"log", "help", "case", "model", "since", "until"}); !bad.empty())
        throw UsageError("audit: unknown option --" + bad.front());
    const AuditLog log(args.value("log").value_or(AuditLog::defaultPath()));
    if (words.front() == "verify") {
        const auto entries = log.entries();
        const auto problems = log.verify();
        for (const auto& p : problems)
            std::cout << "entry " << p.seq << ": " << p.problem << "\n";
        std::cout << log.path() << ": " << entries.size() << " entries; "
                  << (problems.empty() ? "the chain is whole" : std::to_string(problems.size()) + " problems") << "\n";
        return problems.empty() ? 0 : 1;
    }
    if (words.front() == "list") {
        AuditFilter filter{args.value("case").value_or(""), args.value("model").value_or(""), args.value("since").value_or(""),
                           args.value("until").value_or("")};
        for (const auto* date : {&filter.fromDate, &filter.toDate})
            if (!date->empty() && !isIsoDate(*date))
                throw UsageError("audit: '" + *date + "' is not a date (YYYY-MM-DD)");
        for (const auto& e : log.entries())
            if (filter.matches(e))
                std::cout << e.seq << "  " << e.timeUtc << "  " << e.user << "@" << e.host << "  " << e.program << "  " << e.input
                      << " (" << e.inputSha256.substr(0, 12) << ")  model " << e.model << " (" << e.modelSha256.substr(0, 12)
                      << ")  " << e.methods << "\n";
        return 0;
    }
    throw UsageError("audit: unknown subcommand '" + words.front() + "' (verify, list)");
}

} // namespace execg::cli
