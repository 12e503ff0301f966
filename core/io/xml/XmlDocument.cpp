#include "io/xml/XmlDocument.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace execg::xml {

namespace {

std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : std::string(); }

std::string trimmed(const std::string& s)
{
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos)
        return {};
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

bool isElement(const _xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

void collect(_xmlNode* n, const std::string& name, std::vector<Node>& out, bool firstOnly)
{
    for (_xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (str(c->name) == name) {
            out.emplace_back(c);
            if (firstOnly)
                return;
        }
        collect(c, name, out, firstOnly);
        if (firstOnly && !out.empty())
            return;
    }
}

// What the bytes themselves say about the encoding: a byte-order mark, or the NUL bytes of ASCII text in UTF-16.
struct ByteEncoding {
    std::string name;          // "UTF-8", "UTF-16LE", "UTF-16BE"; empty: 8-bit text without a mark (the declaration decides)
    std::size_t bomBytes = 0;
    std::string evidence;      // how the bytes show it
};

ByteEncoding encodingOfBytes(const std::vector<std::uint8_t>& b)
{
    const auto at = [&](std::size_t i) { return i < b.size() ? int(b[i]) : -1; };
    if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF)
        return {"UTF-8", 3, "a UTF-8 byte-order mark"};
    if (at(0) == 0xFF && at(1) == 0xFE)
        return {"UTF-16LE", 2, "a UTF-16LE byte-order mark"};
    if (at(0) == 0xFE && at(1) == 0xFF)
        return {"UTF-16BE", 2, "a UTF-16BE byte-order mark"};
    if (at(0) > 0 && at(1) == 0 && at(2) > 0 && at(3) == 0)
        return {"UTF-16LE", 0, "NUL bytes after every character, no byte-order mark"};
    if (at(0) == 0 && at(1) > 0 && at(2) == 0 && at(3) > 0)
        return {"UTF-16BE", 0, "NUL bytes before every character, no byte-order mark"};
    return {};
}

// The encoding named in the XML declaration, as written; empty when there is none. The declaration is ASCII in
// every encoding these files use, so UTF-16 is read by taking the low byte of each character.
std::string declaredEncoding(const std::vector<std::uint8_t>& b, const ByteEncoding& e)
{
    std::string head;
    const bool wide = e.name.rfind("UTF-16", 0) == 0;
    const std::size_t step = wide ? 2 : 1, low = e.name == "UTF-16BE" ? 1 : 0;
    for (std::size_t i = e.bomBytes + low; i < b.size() && head.size() < 512; i += step)
        head += char(b[i]);
    if (head.rfind("<?xml", 0) != 0)
        return {};
    head = head.substr(0, head.find("?>"));
    const auto key = head.find("encoding");
    if (key == std::string::npos)
        return {};
    auto i = head.find_first_not_of(" \t\r\n", key + 8);
    if (i == std::string::npos || head[i] != '=')
        return {};
    i = head.find_first_not_of(" \t\r\n", i + 1);
    if (i == std::string::npos || (head[i] != '"' && head[i] != '\''))
        return {};
    const auto end = head.find(head[i], i + 1);
    return end == std::string::npos ? std::string() : head.substr(i + 1, end - i - 1);
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

// A 16-bit encoding's name: UTF-16 with or without its byte order, UCS-2.
bool isSixteenBit(const std::string& declared)
{
    const std::string u = upper(declared);
    for (const char* prefix : {"UTF-16", "UTF16", "UCS-2", "UCS2", "ISO-10646-UCS-2", "UNICODE"})
        if (u.rfind(prefix, 0) == 0)
            return true;
    return false;
}

// Whether the bytes are well-formed UTF-8 (ASCII included).
bool isUtf8(const std::vector<std::uint8_t>& b)
{
    for (std::size_t i = 0; i < b.size();) {
        const unsigned c = b[i];
        const std::size_t n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 3 : 4;
        if (n == 4 || (n > 0 && i + n >= b.size()))
            return false;
        for (std::size_t k = 1; k <= n; ++k)
            if ((b[i + k] & 0xC0) != 0x80)
                return false;
        i += n + 1;
    }
    return true;
}

// Where the declaration contradicts the bytes, the encoding to read them in (and the byte-order mark to skip);
// nothing where libxml2's own reading of the declaration is right. 8-bit text under a 16-bit declaration is UTF-8
// where it is well-formed UTF-8, ISO-8859-1 (every byte a character) where not.
std::optional<ByteEncoding> overriddenEncoding(const std::vector<std::uint8_t>& b, const ByteEncoding& bytes, const std::string& declared)
{
    if (declared.empty())
        return std::nullopt;
    const std::string u = upper(declared);
    if (bytes.name.empty()) {   // 8-bit text: only a 16-bit declaration is wrong
        if (!isSixteenBit(declared))
            return std::nullopt;
        return isUtf8(b) ? ByteEncoding{"UTF-8", 0, "no byte-order mark, no NUL bytes"}
                         : ByteEncoding{"ISO-8859-1", 0, "no byte-order mark, no NUL bytes, not UTF-8"};
    }
    if (bytes.name == "UTF-8")
        return u == "UTF-8" || u == "UTF8" ? std::nullopt : std::optional<ByteEncoding>(bytes);
    if (!isSixteenBit(declared) || ((u.ends_with("LE") || u.ends_with("BE")) && !u.ends_with(bytes.name.substr(6))))
        return bytes;
    return std::nullopt;
}

} // namespace

std::string Node::name() const { return node_ ? str(node_->name) : std::string(); }

Node Node::child(const std::string& name) const
{
    for (_xmlNode* c = node_ ? node_->children : nullptr; c; c = c->next)
        if (isElement(c) && str(c->name) == name)
            return Node(c);
    return {};
}

std::vector<Node> Node::children(const std::string& name) const
{
    std::vector<Node> out;
    for (_xmlNode* c = node_ ? node_->children : nullptr; c; c = c->next)
        if (isElement(c) && (name.empty() || str(c->name) == name))
            out.emplace_back(c);
    return out;
}

Node Node::find(const std::string& name) const
{
    std::vector<Node> out;
    collect(node_, name, out, true);
    return out.empty() ? Node() : out.front();
}

std::vector<Node> Node::findAll(const std::string& name) const
{
    std::vector<Node> out;
    collect(node_, name, out, false);
    return out;
}

std::string Node::text() const
{
    if (!node_)
        return {};
    xmlChar* content = xmlNodeGetContent(node_);
    std::string s = str(content);
    xmlFree(content);
    return trimmed(s);
}

std::string Node::childText(const std::string& name) const { return child(name).text(); }

std::string Node::attribute(const std::string& name) const
{
    if (!node_)
        return {};
    xmlChar* v = xmlGetProp(node_, reinterpret_cast<const xmlChar*>(name.c_str()));
    std::string s = str(v);
    xmlFree(v);
    return s;
}

int Node::line() const { return node_ ? int(xmlGetLineNo(node_)) : 0; }

Document::Document(const std::string& path)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        throw ReadError(path, "cannot start the XML parser");
    const std::vector<std::uint8_t> bytes = BinaryFile(path).readAll();
    if (bytes.size() > std::size_t(INT_MAX)) {
        xmlFreeParserCtxt(ctxt);
        throw ReadError(path, "an XML file of " + std::to_string(bytes.size()) + " bytes is more than the parser takes");
    }
    const ByteEncoding fromBytes = encodingOfBytes(bytes);
    const std::string declared = declaredEncoding(bytes, fromBytes);
    const auto actual = overriddenEncoding(bytes, fromBytes, declared);
    // No network, no entity substitution, no DTD loading; big text nodes (base64 waveforms) allowed. Where the bytes
    // contradict the declaration, their encoding is forced and the declaration's ignored.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
    const std::size_t skip = actual ? actual->bomBytes : 0;
    if (actual) {
        options |= XML_PARSE_IGNORE_ENC;
        encodingWarning_ = "the XML declaration says encoding=\"" + declared + "\" but the bytes are " + actual->name + " (" +
                           actual->evidence + "); read as " + actual->name;
    }
    doc_ = xmlCtxtReadMemory(ctxt, reinterpret_cast<const char*>(bytes.data() + skip), int(bytes.size() - skip), path.c_str(),
                             actual ? actual->name.c_str() : nullptr, options);
    if (!doc_) {
        const xmlError* e = xmlCtxtGetLastError(ctxt);
        std::string why = e && e->message ? trimmed(e->message) : std::string("unknown error");
        const int line = e ? e->line : 0;
        xmlFreeParserCtxt(ctxt);
        throw ReadError(path, "not well-formed XML" + (line > 0 ? " at line " + std::to_string(line) : std::string()) + ": " + why +
                                  (actual ? " (" + encodingWarning_ + ")" : std::string()));
    }
    xmlFreeParserCtxt(ctxt);
}

Document::~Document()
{
    if (doc_)
        xmlFreeDoc(doc_);
}

Node Document::root() const { return Node(xmlDocGetRootElement(doc_)); }

std::optional<double> number(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

std::vector<std::uint8_t> decodeBase64(const std::string& text)
{
    static const auto table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i)
            t[std::size_t(static_cast<unsigned char>(alphabet[i]))] = i;
        return t;
    }();
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int count = 0, padding = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        const int v = table[c];
        if (v < 0 || padding > 0)
            throw std::invalid_argument("base64: invalid character at position " + std::to_string(i));
        bits = (bits << 6) | std::uint32_t(v);
        if (++count == 4) {
            out.push_back(std::uint8_t(bits >> 16));
            out.push_back(std::uint8_t(bits >> 8));
            out.push_back(std::uint8_t(bits));
            bits = 0;
            count = 0;
        }
    }
    if (count == 1)
        throw std::invalid_argument("base64: a truncated final group");
    if (count == 2)
        out.push_back(std::uint8_t(bits >> 4));
    if (count == 3) {
        out.push_back(std::uint8_t(bits >> 10));
        out.push_back(std::uint8_t(bits >> 2));
    }
    return out;
}

} // namespace execg::xml
