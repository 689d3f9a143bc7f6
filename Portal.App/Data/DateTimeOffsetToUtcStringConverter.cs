using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.App.Data;

/// <summary>
/// Stores instants as fixed-width UTC text ("2026-11-23T09:15:00.0000000Z"): it sorts and compares correctly
/// as text, which SQLite needs for range filters, and reads the same in any database tool.
/// </summary>
public sealed class DateTimeOffsetToUtcStringConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    v => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
