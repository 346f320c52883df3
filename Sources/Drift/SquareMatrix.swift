/// A dense square matrix, row-major: only what Durbin's method multiplies.
struct SquareMatrix {
    let size: Int
    private(set) var entries: [Double]

    init(size: Int) {
        self.size = size
        entries = [Double](repeating: 0, count: size * size)
    }

    static func identity(size: Int) -> SquareMatrix {
        var matrix = SquareMatrix(size: size)
        for i in 0..<size { matrix[i, i] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { entries[row * size + column] }
        set { entries[row * size + column] = newValue }
    }

    mutating func scale(by factor: Double) {
        for index in entries.indices { entries[index] *= factor }
    }

    static func * (lhs: SquareMatrix, rhs: SquareMatrix) -> SquareMatrix {
        let n = lhs.size
        var result = SquareMatrix(size: n)
        lhs.entries.withUnsafeBufferPointer { a in
            rhs.entries.withUnsafeBufferPointer { b in
                result.entries.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        for k in 0..<n {
                            let factor = a[i * n + k]
                            if factor == 0 { continue }
                            for j in 0..<n { c[i * n + j] += factor * b[k * n + j] }
                        }
                    }
                }
            }
        }
        return result
    }
}
