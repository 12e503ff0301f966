// Reader speed and memory. Prints figures; never pass/fail.
//   bench_readers [google-benchmark flags]    timings
//   Peak memory is printed first: each case runs in a forked child, and its peak RSS (wait4) is compared
//   with an idle child, so the figure is the read's own footprint.
#include "SyntheticRecording.h"

#include "io/ReaderRegistry.h"
#include "io/dicom/DicomEcgWriter.h"
#include "io/edf/EdfWriter.h"
#include "io/wfdb/WfdbWriter.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace execg;

namespace {

fs::path scratch()
{
    static const fs::path dir = [] {
        auto d = fs::temp_directory_path() / ("execg-bench-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

// A Holter-like 2-lead format-212 record written in a streaming way (the writer takes a whole Recording;
// 24 h would be 170 MB of floats just to write the file).
std::string writeHolter212(double hours, double fs = 250.0)
{
    const auto n = static_cast<std::int64_t>(hours * 3600.0 * fs);
    const std::string name = "holter" + std::to_string(int(hours * 60)) + "m";
    const fs::path dat = scratch() / (name + ".dat");
    const fs::path hea = scratch() / (name + ".hea");
    if (fs::exists(hea))
        return hea.string();
    std::FILE* f = std::fopen(dat.c_str(), "wb");
    long sum[2] = {0, 0};
    int first[2] = {0, 0};
    std::vector<unsigned char> buf;
    buf.reserve(3 << 16);
    for (std::int64_t i = 0; i < n; ++i) {
        // An R-wave-like spike once a second on a slow sine, in ADC units (200/mV).
        const double t = double(i) / fs;
        const double phase = std::fmod(t, 1.0);
        int v0 = int(std::lround(40 * std::sin(2 * M_PI * 0.3 * t) + (phase < 0.02 ? 250 : 0)));
        int v1 = int(std::lround(-30 * std::sin(2 * M_PI * 0.2 * t) + (phase < 0.02 ? 180 : 0)));
        if (i == 0) {
            first[0] = v0;
            first[1] = v1;
        }
        sum[0] += v0;
        sum[1] += v1;
        // Format 212: two 12-bit samples in three bytes.
        buf.push_back(static_cast<unsigned char>(v0 & 0xff));
        buf.push_back(static_cast<unsigned char>(((v0 >> 8) & 0x0f) | ((v1 >> 4) & 0xf0)));
        buf.push_back(static_cast<unsigned char>(v1 & 0xff));
        if (buf.size() >= (3u << 16)) {
            std::fwrite(buf.data(), 1, buf.size(), f);
            buf.clear();
        }
    }
    std::fwrite(buf.data(), 1, buf.size(), f);
    std::fclose(f);
    std::FILE* h = std::fopen(hea.c_str(), "w");
    std::fprintf(h, "%s 2 %g %lld\n", name.c_str(), fs, static_cast<long long>(n));
    for (int s = 0; s < 2; ++s)
        std::fprintf(h, "%s.dat 212 200 12 0 %d %d 0 ECG%d\n", name.c_str(), first[s],
                     int(static_cast<short>(sum[s] & 0xffff)), s + 1);
    std::fclose(h);
    return hea.string();
}

std::string tenSecondWfdb()
{
    static const std::string path = [] {
        auto rec = test::syntheticTwelveLead(500.0, 10.0);
        return writeWfdbRecord(rec, (scratch() / "ten").string()).headerPath;
    }();
    return path;
}

std::string tenSecondDicom()
{
    static const std::string path = [] {
        auto rec = test::syntheticTwelveLead(500.0, 10.0);
        const std::string p = (scratch() / "ten.dcm").string();
        DicomEcgWriter::write(rec, p);
        return p;
    }();
    return path;
}

std::string tenSecondEdf()
{
    static const std::string path = [] {
        auto rec = test::syntheticTwelveLead(500.0, 10.0);
        const std::string p = (scratch() / "ten.edf").string();
        writeEdfPlus(rec, p);
        return p;
    }();
    return path;
}

// A file of the shared ECG corpus (vendor exports made by their own devices); empty where the corpus is absent.
std::string corpusFile(const char* relative)
{
    const char* env = std::getenv("EXECG_CORPUS_DIR");
    const fs::path p = fs::path(env ? env : EXECG_CORPUS_DIR) / relative;
    return fs::exists(p) ? p.string() : std::string();
}

ReadOptions window(double from, double to)
{
    ReadOptions o;
    o.fromSeconds = from;
    o.toSeconds = to;
    o.readAnnotations = false;
    return o;
}

void BM_Read10sWfdb(benchmark::State& state)
{
    const auto path = tenSecondWfdb();
    for (auto _ : state)
        benchmark::DoNotOptimize(ReaderRegistry::instance().read(path));
}
BENCHMARK(BM_Read10sWfdb)->Unit(benchmark::kMillisecond);

void BM_Read10sDicom(benchmark::State& state)
{
    const auto path = tenSecondDicom();
    for (auto _ : state)
        benchmark::DoNotOptimize(ReaderRegistry::instance().read(path));
}
BENCHMARK(BM_Read10sDicom)->Unit(benchmark::kMillisecond);

void BM_Read10sEdf(benchmark::State& state)
{
    const auto path = tenSecondEdf();
    for (auto _ : state)
        benchmark::DoNotOptimize(ReaderRegistry::instance().read(path));
}
BENCHMARK(BM_Read10sEdf)->Unit(benchmark::kMillisecond);

// The vendor exports of the corpus: each a 10 s 12-lead with its median beats.
void readCorpusFile(benchmark::State& state, const char* relative)
{
    const auto path = corpusFile(relative);
    if (path.empty()) {
        state.SkipWithError("the ECG corpus is absent (EXECG_CORPUS_DIR)");
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(ReaderRegistry::instance().read(path));
}
BENCHMARK_CAPTURE(readCorpusFile, GeMuseXml, "BRAVEHEART/example1.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(readCorpusFile, Hl7Aecg, "ecg-kit/ecg_hl7.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(readCorpusFile, PhilipsXli, "sierra-ecg-tools/1_04/3191723_ZZDEMOPTONLY_1-04_orig.xml")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(readCorpusFile, EdfContec47s, "ecg-contec/0000050.ECG.edf")->Unit(benchmark::kMillisecond);
// SCP-ECG: default Huffman with reference-beat subtraction (10 s, 8 leads); plain 16-bit at 1 kHz (10 s, 8 leads).
BENCHMARK_CAPTURE(readCorpusFile, ScpHuffmanReferenceBeat, "wfdb-c/checkpkg/input/test.scp")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(readCorpusFile, Scp16Bit1kHz, "ecg-contec/demo.scp")->Unit(benchmark::kMillisecond);

void BM_Read10sWindowFrom24h212(benchmark::State& state)
{
    const auto path = writeHolter212(24.0);
    double from = 0;
    for (auto _ : state) {
        // Walk through the day so each read seeks somewhere new (no warm page-cache advantage beyond the OS's).
        from = std::fmod(from + 3607.0, 86000.0);
        benchmark::DoNotOptimize(ReaderRegistry::instance().read(path, window(from, from + 10.0)));
    }
}
BENCHMARK(BM_Read10sWindowFrom24h212)->Unit(benchmark::kMillisecond);

// Peak RSS (KiB) of a child process that runs `work`, minus that of an idle child.
long childPeakKiB(const std::function<void()>& work)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        work();
        std::_Exit(0);
    }
    int status = 0;
    struct rusage ru {};
    ::wait4(pid, &status, 0, &ru);
    return ru.ru_maxrss;
}

void printMemory()
{
    const auto h1 = writeHolter212(1.0);
    const auto h24 = writeHolter212(24.0);
    const auto w = tenSecondWfdb();
    const auto d = tenSecondDicom();
    const long idle = childPeakKiB([] {});
    auto report = [&](const char* what, const std::function<void()>& work) {
        std::printf("peak memory  %-44s %8ld KiB above idle\n", what, childPeakKiB(work) - idle);
    };
    report("10 s 12-lead 500 Hz WFDB (format 16)", [&] { ReaderRegistry::instance().read(w); });
    report("10 s 12-lead 500 Hz DICOM", [&] { ReaderRegistry::instance().read(d); });
    report("10 s window of a 1 h 2-lead 212 record", [&] { ReaderRegistry::instance().read(h1, window(1800, 1810)); });
    report("10 s window of a 24 h 2-lead 212 record", [&] { ReaderRegistry::instance().read(h24, window(43200, 43210)); });
    report("header only, 24 h 2-lead 212 record", [&] {
        ReadOptions o;
        o.headerOnly = true;
        ReaderRegistry::instance().read(h24, o);
    });
    std::printf("(24 h record: %.1f MB on disk)\n\n", double(fs::file_size(fs::path(h24).replace_extension(".dat"))) / 1e6);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    printMemory();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fs::remove_all(scratch());
    return 0;
}
