import Basics
import Drift

/// The samples make_drift_fixtures.py generates, made again here from the same
/// spec: SplitMix64 and a few IEEE operations that round the same in both languages.
struct DeterministicSample {
    var seed: UInt64
    var count: Int
    var shape: String
    var shift: Double
    var scale: Double
    var nanEvery: Int

    init(_ spec: JSONValue) {
        seed = UInt64(max(spec.number("seed"), 0))
        count = Int(max(spec.number("count"), 0))
        shape = if case .string(let s)? = spec["shape"] { s } else { "" }
        shift = spec.number("shift")
        scale = spec.number("scale")
        nanEvery = Int(max(spec.number("nan_every"), 0))
    }

    init(seed: UInt64, count: Int, shape: String, shift: Double = 0, scale: Double = 10, nanEvery: Int = 0) {
        self.seed = seed
        self.count = count
        self.shape = shape
        self.shift = shift
        self.scale = scale
        self.nanEvery = nanEvery
    }

    /// The values, NaN at every `nanEvery`-th position.
    var values: [Double] {
        var state = seed
        var values: [Double] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            let u = Double(z >> 11) * 0x1p-53
            var value: Double
            switch shape {
            case "ties": value = shift + scale * ((u * 40).rounded(.down) / 40)
            case "square": value = shift + scale * (u * u)
            default: value = shift + scale * u
            }
            if nanEvery > 0, (index + 1) % nanEvery == 0 { value = .nan }
            values.append(value)
        }
        return values
    }

    /// The values as a sample (NaNs dropped and counted, the rest sorted).
    var sample: NumericSample { NumericSample(values) }
}
