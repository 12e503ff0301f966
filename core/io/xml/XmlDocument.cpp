#include "io/xml/XmlDocument.h"

#include "io/ReadError.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
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
    // No network, no entity substitution, no DTD loading; big text nodes (base64 waveforms) allowed.
    doc_ = xmlCtxtReadFile(ctxt, path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc_) {
        const xmlError* e = xmlCtxtGetLastError(ctxt);
        std::string why = e && e->message ? trimmed(e->message) : std::string("unknown error");
        const int line = e ? e->line : 0;
        xmlFreeParserCtxt(ctxt);
        throw ReadError(path, "not well-formed XML" + (line > 0 ? " at line " + std::to_string(line) : std::string()) + ": " + why);
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
