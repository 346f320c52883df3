/// A boolean flag, `--force` or `-f`, read with `values[Self.force]`.
///
/// Short flags combine, as in `-fq`. When a flag is given several times, the last
/// occurrence wins, so a later `--no-x` overrides an earlier `--x`.
package struct Flag: ArgumentDeclaration {
    /// The flag's spelling and help.
    package let definition: ArgumentDefinition

    /// Declares a flag that is off unless given; with `inversion`, `--no-<long>` turns
    /// it off again. A flag that is on by default needs `inversion`, or nothing could
    /// turn it off. An `inherited` flag is also accepted by every command below this one.
    package init(
        long: String, short: Character? = nil, help: String,
        default defaultValue: Bool = false, inversion: Bool = false, inherited: Bool = false
    ) {
        definition = .flag(
            long: long, short: short, help: help, default: defaultValue, inversion: inversion,
            inherited: inherited)
    }
}
