import Foundation

/// Plain words for an error that Foundation or the system raised, in place of
/// `Error Domain=NSCocoaErrorDomain Code=512 …`: what failed, on which path, and the
/// system's reason (`cannot write '/dev/null/x': Not a directory`).
package enum SystemErrorText {
    /// The system's reason alone (`No such file or directory`), for messages that already
    /// name the path; the error's own description when there is no system reason.
    package static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(truncatingIfNeeded: underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(truncatingIfNeeded: nsError.code))) }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: return "No such file or directory"
            case CocoaError.fileReadInapplicableStringEncoding.rawValue: return "not UTF-8 text"
            case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: return "Permission denied"
            default: return nsError.localizedDescription
            }
        }
        return String(describing: error)
    }

    /// One sentence describing `error`; an error of our own keeps its own description.
    package static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else {
            return String(describing: error)
        }
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        let verb = switch nsError.code {
        case CocoaError.fileWriteUnknown.rawValue...CocoaError.fileWriteVolumeReadOnly.rawValue: "cannot write"
        case CocoaError.fileReadUnknown.rawValue...CocoaError.fileReadTooLarge.rawValue: "cannot read"
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: "cannot find"
        default: "cannot use"
        }
        let subject = path.map { "\(verb) '\($0)'" } ?? verb
        if let path, let blocker = nonFolderAncestor(of: path) { return "\(subject): '\(blocker)' is not a folder" }
        return "\(subject): \(reason(error))"
    }

    /// The nearest existing ancestor of `path` when it is not a folder: the usual cause
    /// of a write that Foundation reports without a reason (`/dev/null/x`).
    private static func nonFolderAncestor(of path: String) -> String? {
        var current = (path as NSString).deletingLastPathComponent
        while !current.isEmpty && current != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : current
            }
            current = (current as NSString).deletingLastPathComponent
        }
        return nil
    }
}
