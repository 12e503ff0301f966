#include "dsp/FilterDesign.h"

#include <cmath>
#include <complex>
#include <numbers>
#include <sstream>
#include <stdexcept>

namespace execg::dsp {

namespace {

std::string formatHz(double hz)
{
    std::ostringstream s;
    s << hz << " Hz";
    return s.str();
}

void checkCommon(int order, double cutoffHz, double fs, const char* what)
{
    if (!(fs > 0) || !std::isfinite(fs))
        throw std::invalid_argument(std::string(what) + ": sampling rate must be positive");
    if (order < 1 || order > kMaxButterworthOrder)
        throw std::invalid_argument(std::string(what) + ": order must be 1.." + std::to_string(kMaxButterworthOrder));
    if (!(cutoffHz > 0) || !std::isfinite(cutoffHz))
        throw std::invalid_argument(std::string(what) + ": cut-off must be positive");
}

enum class Kind { LowPass, HighPass };

SosFilter butterworth(Kind kind, int order, double cutoffHz, double fs)
{
    const double k = 2.0 * fs;
    // Prewarp: the bilinear transform maps analog w to digital 2·atan(w/k); placing the analog cut-off at
    // k·tan(pi fc/fs) lands the digital -3 dB point on fc exactly.
    const double wc = k * std::tan(std::numbers::pi * cutoffHz / fs);
    const auto bilinear = [k](std::complex<double> s) { return (k + s) / (k - s); };
    SosFilter f;
    // Prototype poles exp(i·pi·(2m + n + 1)/(2n)) lie on the left half of the unit circle; take each upper one
    // with its conjugate, plus the real pole -1 when the order is odd.
    for (int m = 0; m < order / 2; ++m) {
        const std::complex<double> p = std::polar(1.0, std::numbers::pi * (2.0 * m + order + 1.0) / (2.0 * order));
        const std::complex<double> s = kind == Kind::LowPass ? wc * p : wc / p;
        const std::complex<double> z = bilinear(s);
        Biquad b;
        b.a1 = -2.0 * z.real();
        b.a2 = std::norm(z);
        if (kind == Kind::LowPass) {   // double zero at z = -1, unity gain at DC
            const double g = (1.0 + b.a1 + b.a2) / 4.0;
            b.b0 = g, b.b1 = 2 * g, b.b2 = g;
        } else {                       // double zero at z = 1, unity gain at Nyquist
            const double g = (1.0 - b.a1 + b.a2) / 4.0;
            b.b0 = g, b.b1 = -2 * g, b.b2 = g;
        }
        f.sections.push_back(b);
    }
    if (order % 2 == 1) {
        // The real prototype pole -1 maps to -wc for both kinds (wc·(-1) = wc/(-1)).
        const double z = bilinear(-wc).real();
        Biquad b;
        b.a1 = -z;
        if (kind == Kind::LowPass) {
            const double g = (1.0 + b.a1) / 2.0;
            b.b0 = g, b.b1 = g;
        } else {
            const double g = (1.0 - b.a1) / 2.0;
            b.b0 = g, b.b1 = -g;
        }
        f.sections.push_back(b);
    }
    f.description = std::string("Butterworth ") + (kind == Kind::LowPass ? "low-pass" : "high-pass") + " " +
                    formatHz(cutoffHz) + ", order " + std::to_string(order);
    return f;
}

} // namespace

SosFilter butterworthLowPass(int order, double cutoffHz, double fs)
{
    checkCommon(order, cutoffHz, fs, "low-pass");
    if (cutoffHz >= fs / 2) {
        SosFilter skipped;
        skipped.description = "low-pass " + formatHz(cutoffHz) + " skipped: at or above the Nyquist frequency (" +
                              formatHz(fs / 2) + ")";
        return skipped;
    }
    return butterworth(Kind::LowPass, order, cutoffHz, fs);
}

SosFilter butterworthHighPass(int order, double cutoffHz, double fs)
{
    checkCommon(order, cutoffHz, fs, "high-pass");
    if (cutoffHz >= fs / 2)
        throw std::invalid_argument("high-pass " + formatHz(cutoffHz) + " is at or above the Nyquist frequency (" +
                                    formatHz(fs / 2) + "): it would remove the whole signal");
    return butterworth(Kind::HighPass, order, cutoffHz, fs);
}

SosFilter notchFilter(double f0, double q, double fs, int harmonics)
{
    if (!(fs > 0) || !std::isfinite(fs))
        throw std::invalid_argument("notch: sampling rate must be positive");
    if (!(f0 > 0) || !std::isfinite(f0) || !(q > 0) || !std::isfinite(q))
        throw std::invalid_argument("notch: frequency and Q must be positive");
    if (harmonics < 1)
        throw std::invalid_argument("notch: harmonics must be at least 1");
    SosFilter f;
    const double bandwidthHz = f0 / q;
    int used = 0;
    for (int h = 1; h <= harmonics; ++h) {
        const double fh = f0 * h;
        if (fh >= fs / 2)
            break;
        // As scipy.signal.iirnotch: the analog notch's bandwidth prewarped through tan, zeros exactly on the
        // unit circle at fh, poles on the same angle at radius sqrt(2g - 1).
        const double w0 = 2.0 * std::numbers::pi * fh / fs;
        const double bw = 2.0 * std::numbers::pi * bandwidthHz / fs;
        const double g = 1.0 / (1.0 + std::tan(bw / 2.0));
        Biquad b;
        b.b0 = g, b.b1 = -2.0 * g * std::cos(w0), b.b2 = g;
        b.a1 = -2.0 * g * std::cos(w0), b.a2 = 2.0 * g - 1.0;
        f.sections.push_back(b);
        ++used;
    }
    std::ostringstream d;
    if (used == 0) {
        d << "notch " << f0 << " Hz skipped: at or above the Nyquist frequency (" << fs / 2 << " Hz)";
    } else {
        d << "notch " << f0 << " Hz, Q " << q << " (-3 dB width " << bandwidthHz << " Hz)";
        if (used > 1)
            d << ", with " << used - 1 << (used == 2 ? " harmonic" : " harmonics");
        if (used < harmonics)
            d << " (" << harmonics - used << " above Nyquist left out)";
    }
    f.description = d.str();
    return f;
}

} // namespace execg::dsp
