#pragma once
// A small decoder for what WfdbWriter writes (header(5) signal lines, signal(5) formats 16 and 212),
// independent of the project's WFDB reader.
#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace execg::test {

struct SignalLine {
    std::string file;
    int format = 0;
    double gain = 0;
    std::string units;
    int adcResolution = 0, adcZero = 0, initialValue = 0, checksum = 0, blockSize = 0;
    std::string description;
};

// The interleaved sample stream of a .dat file.
inline std::vector<int> decodeStream(const QByteArray& bytes, int format)
{
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.constData());
    std::vector<int> stream;
    if (format == 16) {
        for (int i = 0; i + 1 < bytes.size(); i += 2)
            stream.push_back(std::int16_t(b[i] | (b[i + 1] << 8)));
    } else {   // 212: two 12-bit values in three bytes; a final odd value in two
        for (int i = 0; i + 1 < bytes.size(); i += 3) {
            const int v0 = b[i] | ((b[i + 1] & 0x0f) << 8);
            stream.push_back(v0 >= 2048 ? v0 - 4096 : v0);
            if (i + 2 < bytes.size()) {
                const int v1 = b[i + 2] | ((b[i + 1] & 0xf0) << 4);
                stream.push_back(v1 >= 2048 ? v1 - 4096 : v1);
            }
        }
    }
    return stream;
}

struct DecodedRecord {
    std::string recordLine;
    std::vector<std::string> comments;
    std::vector<SignalLine> signalLines;
    std::vector<std::vector<int>> adc;   // per signal
};

inline DecodedRecord decode(const std::string& headerPath, std::int64_t samples)
{
    DecodedRecord r;
    std::ifstream hea(headerPath);
    std::string line;
    std::getline(hea, r.recordLine);
    while (std::getline(hea, line)) {
        if (line.rfind("#", 0) == 0) {
            r.comments.push_back(line);
            continue;
        }
        std::istringstream in(line);
        SignalLine s;
        std::string gainField;
        in >> s.file >> s.format >> gainField >> s.adcResolution >> s.adcZero >> s.initialValue >> s.checksum >>
            s.blockSize;
        std::getline(in >> std::ws, s.description);
        s.gain = std::stod(gainField);
        s.units = gainField.substr(gainField.find('/') + 1);
        r.signalLines.push_back(s);
    }
    const QString dir = QFileInfo(QString::fromStdString(headerPath)).absolutePath();
    QFile dat(dir + "/" + QString::fromStdString(r.signalLines.at(0).file));
    if (!dat.open(QIODevice::ReadOnly))
        return r;
    const size_t nsig = r.signalLines.size();
    const std::vector<int> stream = decodeStream(dat.readAll(), r.signalLines[0].format);
    r.adc.assign(nsig, {});
    for (size_t k = 0; k < stream.size() && std::int64_t(k / nsig) < samples; ++k)
        r.adc[k % nsig].push_back(stream[k]);
    return r;
}

inline int checksumOf(const std::vector<int>& v)
{
    unsigned sum = 0;
    for (int x : v)
        sum += unsigned(x);
    return std::int16_t(sum & 0xffff);
}

} // namespace execg::test
