namespace Portal.Core.Import;

/// <summary>
/// An uploaded file as the web layer receives it. <paramref name="Length"/> is the size the
/// browser declared; the reader checks it before reading and again while reading, since a
/// declared size can be wrong.
/// </summary>
/// <param name="FileName">The name on the person's computer; only its extension is used.</param>
/// <param name="Length">Size in bytes as declared by the browser.</param>
/// <param name="Content">The file's bytes. Need not be seekable; it is read once and not disposed.</param>
public sealed record ImportFile(string FileName, long Length, Stream Content);
