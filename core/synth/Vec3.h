#pragma once
// Cardiac dipole vectors in Frank's axes: x to the patient's left, y to the feet, z to the back (posterior),
// the convention of Dower's matrix in LeadField.cpp. Units: mV.
#include <cmath>

namespace execg::synth {

struct Vec3 {
    double x = 0.0, y = 0.0, z = 0.0;

    Vec3 operator+(const Vec3& o) const { return {x + o.x, y + o.y, z + o.z}; }
    Vec3 operator-(const Vec3& o) const { return {x - o.x, y - o.y, z - o.z}; }
    Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
    Vec3 operator-() const { return {-x, -y, -z}; }
    Vec3& operator+=(const Vec3& o) { x += o.x; y += o.y; z += o.z; return *this; }
    double dot(const Vec3& o) const { return x * o.x + y * o.y + z * o.z; }
    Vec3 cross(const Vec3& o) const { return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x}; }
    double norm() const { return std::sqrt(dot(*this)); }
    Vec3 unit() const { const double n = norm(); return n > 0 ? *this * (1.0 / n) : Vec3{}; }
};

// Rodrigues' rotation of v by `radians` about the unit vector `axis`.
inline Vec3 rotate(const Vec3& v, const Vec3& axis, double radians)
{
    const double c = std::cos(radians), s = std::sin(radians);
    return v * c + axis.cross(v) * s + axis * (axis.dot(v) * (1.0 - c));
}

} // namespace execg::synth
