import Basics

/// scikit-learn's StratifiedShuffleSplit: per class, how many rows go to train and
/// to test is the most likely draw (largest remainders, ties broken at random), then
/// each class's rows are shuffled and dealt out, and both parts are shuffled.
func stratifiedSplit(
    labels: [Double], trainCount: Int, testCount: Int, generator: inout SeededGenerator
) throws -> TrainTestSplit {
    if let row = labels.firstIndex(where: \.isNaN) {
        throw Diagnostic.failure(
            "row \(row + 1) has no stratification label", hint: "impute or drop rows with a missing label first")
    }
    let classes = Array(Set(labels)).sorted()
    let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var members = Array(repeating: [Int](), count: classes.count)
    for (row, label) in labels.enumerated() { members[classIndex[label]!].append(row) }
    let counts = members.map(\.count)
    if let smallest = counts.indices.min(by: { counts[$0] < counts[$1] }), counts[smallest] < 2 {
        throw Diagnostic.failure(
            "class \(CSVWriter.format(classes[smallest])) has only \(counts[smallest]) row, too few to stratify",
            hint: "every class needs at least 2 rows; merge rare classes or split without stratification")
    }
    guard trainCount >= classes.count && testCount >= classes.count else {
        throw Diagnostic.failure(
            "\(classes.count) classes cannot all appear in \(trainCount) training and \(testCount) test rows",
            hint: "use a test size that leaves at least one row per class in each part")
    }
    let trainPerClass = approximateMode(counts, draws: trainCount, generator: &generator)
    let remaining = zip(counts, trainPerClass).map { $0 - $1 }
    let testPerClass = approximateMode(remaining, draws: testCount, generator: &generator)
    var train: [Int] = [], test: [Int] = []
    for (index, rows) in members.enumerated() {
        var shuffled = rows
        generator.shuffle(&shuffled)
        train += shuffled[..<trainPerClass[index]]
        test += shuffled[trainPerClass[index]..<(trainPerClass[index] + testPerClass[index])]
    }
    generator.shuffle(&train)
    generator.shuffle(&test)
    return TrainTestSplit(train: train, test: test)
}

/// The per-class counts of drawing `draws` rows without replacement that are most
/// likely: proportional shares rounded down, the rest to the largest remainders.
private func approximateMode(_ counts: [Int], draws: Int, generator: inout SeededGenerator) -> [Int] {
    let total = Double(counts.reduce(0, +))
    let continuous = counts.map { Double($0) / total * Double(draws) }
    var result = continuous.map { Int($0.rounded(.down)) }
    var missing = draws - result.reduce(0, +)
    let remainders = zip(continuous, result).map { $0 - Double($1) }
    for remainder in Set(remainders).sorted(by: >) where missing > 0 {
        var tied = remainders.indices.filter { remainders[$0] == remainder }
        generator.shuffle(&tied)
        for index in tied.prefix(missing) { result[index] += 1 }
        missing -= min(tied.count, missing)
    }
    return result
}
