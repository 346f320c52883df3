import Foundation

/// Plain words for an error that Foundation or the system raised, in place of
/// `Error Domain=NSCocoaErrorDomain Code=512 …`: what failed, on which path, and the
/// system's reason (`cannot write '/dev/null/x': Not a directory`).
public enum SystemErrorText {
    /// One sentence describing `error`; an error of our own keeps its own description.
    public static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        guard nsError.domain == NSCocoaErrorDomain || nsError.domain == NSPOSIXErrorDomain else {
            return String(describing: error)
        }
        let path = (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        let verb = switch nsError.code {
        case CocoaError.fileWriteUnknown.rawValue...CocoaError.fileWriteVolumeReadOnly.rawValue: "cannot write"
        case CocoaError.fileReadUnknown.rawValue...CocoaError.fileReadTooLarge.rawValue: "cannot read"
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: "no such file"
        default: "cannot use"
        }
        var reason: String?
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(truncatingIfNeeded: underlying.code)))
        } else if nsError.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(truncatingIfNeeded: nsError.code)))
        }
        let subject = path.map { "\(verb) '\($0)'" } ?? verb
        return reason.map { "\(subject): \($0)" } ?? "\(subject) (\(nsError.localizedDescription))"
    }
}
