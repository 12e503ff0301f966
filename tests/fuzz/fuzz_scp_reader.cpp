// Fuzzes the SCP-ECG reader (sections, Huffman tables and streams, differences, reference-beat and bimodal
// reconstruction): any bytes give a Recording or a ReadError. What it reads is then written back and must read
// again sample for sample whenever the writer says the copy is exact.
#include "FuzzSupport.h"

#include "io/ReadError.h"
#include "io/scp/ScpReader.h"
#include "io/scp/ScpWriter.h"

#include <algorithm>
#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = execg::fuzz::writeScratch(data, size, ".scp");
    execg::Recording rec;
    try {
        rec = execg::ScpReader().read(path, {});
    } catch (const execg::ReadError&) {
        return 0;
    }
    const std::string copyPath = path + ".copy.scp";
    try {
        const auto written = execg::writeScpEcg(rec, copyPath, {});
        if (!written.exact)
            return 0;
        const auto copy = execg::ScpReader().read(copyPath, {});
        const auto& a = rec.groups.at(std::size_t(rec.primaryGroupIndex()));
        const auto& b = copy.groups.front();
        std::size_t j = 0;
        for (const auto& lead : a.leads) {
            const bool empty = std::all_of(lead.samples.begin(), lead.samples.end(), [](float v) { return std::isnan(v); });
            if (lead.provenance.derived || empty)
                continue;   // derived leads are the reader's to derive again; empty ones are left out
            while (j < b.leads.size() && b.leads[j].name != lead.name)
                ++j;
            if (j == b.leads.size())
                continue;   // a lead SCP has no code for
            for (std::size_t i = 0; i < lead.samples.size(); ++i) {
                const float x = lead.samples[i];
                const float y = i < b.leads[j].samples.size() ? b.leads[j].samples[i] : execg::kMissingSample;
                if (!(x == y || (std::isnan(x) && std::isnan(y))))
                    __builtin_trap();
            }
            ++j;
        }
    } catch (const execg::ScpWriteError&) {
    } catch (const execg::ReadError&) {
        __builtin_trap();   // the writer's own file must read
    }
    return 0;
}
