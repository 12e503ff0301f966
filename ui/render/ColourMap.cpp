#include "render/ColourMap.h"

#include <QRgb>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace execg {
namespace {

// ColorBrewer RdBu, 9 classes (Brewer 2002), from blue (against) to red (for the target).
constexpr std::array<QRgb, 9> kDiverging{0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
                                         0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b};
// matplotlib's published tables (viridis: van der Walt and Smith 2015; cividis: Nuñez et al. 2018), every 8th of
// their 256 entries.
constexpr std::array<QRgb, 33> kViridis{
    0x440154, 0x470d60, 0x48186a, 0x482374, 0x472d7b, 0x453781, 0x424086, 0x3e4989, 0x3b528b, 0x375b8d, 0x33638d,
    0x2f6b8e, 0x2c728e, 0x297a8e, 0x26828e, 0x23898d, 0x21918c, 0x1f988b, 0x1fa088, 0x22a785, 0x28ae80, 0x32b67a,
    0x3fbc73, 0x4ec36b, 0x5ec962, 0x70cf57, 0x84d44b, 0x98d83e, 0xaddc30, 0xc2df23, 0xd8e219, 0xece51b, 0xfde725};
constexpr std::array<QRgb, 33> kCividis{
    0x00224e, 0x00285b, 0x002e6a, 0x053371, 0x1a386f, 0x273e6e, 0x32436d, 0x3b496c, 0x434e6c, 0x4b546c, 0x535a6d,
    0x5a5f6e, 0x61656f, 0x686a71, 0x6f7073, 0x767676, 0x7d7c78, 0x848279, 0x8c8878, 0x938e78, 0x9b9476, 0xa39a74,
    0xaba072, 0xb4a76f, 0xbcae6c, 0xc4b468, 0xcdbb64, 0xd5c25e, 0xdec958, 0xe7d150, 0xf0d846, 0xf9e03a, 0xfee838};

// Linear interpolation between evenly spaced stops, t in [0, 1].
QColor interpolate(std::span<const QRgb> stops, double t)
{
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
    const double x = t * double(stops.size() - 1);
    const auto i = std::min(stops.size() - 2, std::size_t(x));
    const double f = x - double(i);
    const auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    const QRgb a = stops[i], b = stops[i + 1];
    return QColor(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

} // namespace

QColor colourAt(ColourMapKind kind, double value)
{
    switch (kind) {
    case ColourMapKind::Diverging: return interpolate(kDiverging, 0.5 * (value + 1.0));
    case ColourMapKind::Cividis: return interpolate(kCividis, value);
    case ColourMapKind::Viridis: return interpolate(kViridis, value);
    }
    return Qt::white;
}

bool isSigned(ColourMapKind kind) { return kind == ColourMapKind::Diverging; }

QString toString(ColourMapKind kind)
{
    switch (kind) {
    case ColourMapKind::Diverging: return QStringLiteral("diverging");
    case ColourMapKind::Cividis: return QStringLiteral("cividis");
    case ColourMapKind::Viridis: return QStringLiteral("viridis");
    }
    return {};
}

bool colourMapFromString(const QString& s, ColourMapKind& out)
{
    for (const auto k : {ColourMapKind::Diverging, ColourMapKind::Cividis, ColourMapKind::Viridis})
        if (toString(k) == s) {
            out = k;
            return true;
        }
    return false;
}

double fullColourValue(const std::vector<const std::vector<std::vector<float>>*>& maps, double percentile)
{
    std::vector<float> magnitudes;
    for (const auto* map : maps)
        for (const auto& lead : *map)
            for (float v : lead)
                if (std::isfinite(v) && v != 0.0f)
                    magnitudes.push_back(std::abs(v));
    if (magnitudes.empty())
        return 1.0;
    const auto k = std::size_t(std::clamp(percentile / 100.0, 0.0, 1.0) * double(magnitudes.size() - 1));
    std::nth_element(magnitudes.begin(), magnitudes.begin() + std::ptrdiff_t(k), magnitudes.end());
    return magnitudes[k] > 0.0f ? double(magnitudes[k]) : 1.0;
}

} // namespace execg
