namespace Rca.Detectors.Data;

/// <summary>
/// The language-independent identity of an <see cref="InvalidDataFileException"/>, so that a
/// caller can map the error without parsing its message. Each member except
/// <see cref="Unspecified"/> names an entry of the <c>DataErrors</c> resources, whose format
/// arguments are <see cref="InvalidDataFileException.Arguments"/>.
/// </summary>
public enum DataFileError
{
    /// <summary>The error was created from a problem text, without a code.</summary>
    Unspecified = 0,

    /// <summary>The file does not exist. Arguments: the system message (English only).</summary>
    ReadFileNotFound,

    /// <summary>The file cannot be opened for reading. Arguments: the system message (English only).</summary>
    ReadAccessDenied,

    /// <summary>Reading the file failed. Arguments: the system message (English only).</summary>
    ReadFailed,

    /// <summary>The bytes are not UTF-8. Arguments: the invalid byte, its 0-based byte offset.</summary>
    NotUtf8,

    /// <summary>The file has no header line.</summary>
    FileEmpty,

    /// <summary>A header field is empty.</summary>
    EmptyColumnName,

    /// <summary>A column name repeats. Arguments: the name, the 1-based column of its first use.</summary>
    DuplicateColumn,

    /// <summary>One required column is missing. Arguments: the column name, the header names joined by commas.</summary>
    MissingColumn,

    /// <summary>Several required columns are missing. Arguments: the quoted names joined by ", ", the header names joined by commas.</summary>
    MissingColumns,

    /// <summary>A Squeeze-layout file has only measure columns. Arguments: the actual and forecast column names.</summary>
    NoAttributeColumns,

    /// <summary>An RS case file has only its minute and measure columns. Arguments: the minute, success and attempt column names.</summary>
    NoRsAttributeColumns,

    /// <summary>A double quote appears inside an unquoted CSV field.</summary>
    QuoteInUnquotedField,

    /// <summary>A quoted CSV field has no closing quote.</summary>
    UnclosedQuote,

    /// <summary>Characters follow the closing quote of a quoted CSV field.</summary>
    TextAfterClosingQuote,

    /// <summary>A record has another number of fields than the header. Arguments: the field count, the header's field count.</summary>
    FieldCount,

    /// <summary>The file has a header but no data rows.</summary>
    NoDataRows,

    /// <summary>A measure cell is empty. Arguments: the column name.</summary>
    EmptyValue,

    /// <summary>A measure cell is not a number. Arguments: the cell text, the column name.</summary>
    NotANumber,

    /// <summary>A measure is negative. Arguments: the cell text, the column name.</summary>
    NegativeValue,

    /// <summary>A measure is NaN or infinite. Arguments: the cell text, the column name.</summary>
    NotFinite,

    /// <summary>A timestamp cell is not a whole number. Arguments: the cell text, the column name.</summary>
    NotUnixSeconds,

    /// <summary>A leaf repeats an earlier row. Arguments: the leaf as attribute combination text, the earlier line.</summary>
    RepeatedLeaf,

    /// <summary>
    /// A leaf of an RS case file repeats an earlier row of the same minute. Arguments: the leaf,
    /// the earlier line, the minute in Unix seconds.
    /// </summary>
    RepeatedLeafInMinute,

    /// <summary>An RS row has more successes than attempts. Arguments: the successes, the attempts.</summary>
    SuccessesExceedAttempts,

    /// <summary>An RS case file has no row for the anomaly minute. Arguments: the minute in Unix seconds.</summary>
    NoAnomalyMinuteRows,

    /// <summary>The file of a derived case does not exist.</summary>
    FileNotFound,

    /// <summary>The denominator file of a derived case is missing. Arguments: its file name.</summary>
    DenominatorFileMissing,

    /// <summary>The numerator file of a derived case is missing. Arguments: its file name.</summary>
    NumeratorFileMissing,

    /// <summary>A numerator leaf has no denominator row. Arguments: the leaf, the denominator file name.</summary>
    LeafMissingFromDenominator,

    /// <summary>A denominator leaf has no numerator row. Arguments: the leaf, the numerator file name.</summary>
    LeafMissingFromNumerator,

    /// <summary>
    /// The two files of a derived case have different attribute columns. Arguments: the
    /// denominator's attribute names, the numerator's, the numerator file name.
    /// </summary>
    AttributeColumnsDiffer,

    /// <summary>An RS manifest has no entries.</summary>
    NoManifestEntries,

    /// <summary>A manifest line is indented with a tab.</summary>
    TabIndentation,

    /// <summary>A manifest line neither starts an entry nor continues one.</summary>
    ExpectedEntryStart,

    /// <summary>A manifest line has no <c>key: value</c> form.</summary>
    ExpectedKeyValue,

    /// <summary>A manifest key has no value. Arguments: the key.</summary>
    MissingValue,

    /// <summary>A manifest timestamp is not a whole number. Arguments: the value text.</summary>
    InvalidTimestamp,

    /// <summary>A manifest key is not known. Arguments: the key, then the three known keys.</summary>
    UnknownKey,

    /// <summary>A manifest lists a case twice. Arguments: the file stem, the line of the first entry.</summary>
    DuplicateCase,

    /// <summary>A manifest entry lacks a key. Arguments: the key.</summary>
    MissingKey,

    /// <summary>A manifest entry gives a key twice. Arguments: the key, the line where the entry starts.</summary>
    RepeatedKey,

    /// <summary>A cause value is neither a flow mapping nor a flow sequence.</summary>
    ExpectedCause,

    /// <summary>A flow sequence of causes lacks a separator or its end.</summary>
    ExpectedCauseListSeparator,

    /// <summary>An element of a flow sequence of causes is not a mapping.</summary>
    ExpectedMappingStart,

    /// <summary>A cause mapping lacks a separator or its end.</summary>
    ExpectedMappingSeparator,

    /// <summary>An attribute name in a cause mapping is not followed by a colon.</summary>
    ExpectedColonAfterAttribute,

    /// <summary>Text follows the cause value.</summary>
    TextAfterCause,

    /// <summary>A cause mapping has no pairs.</summary>
    EmptyCauseMapping,

    /// <summary>An attribute name in a cause mapping is empty.</summary>
    EmptyAttributeName,

    /// <summary>A quoted scalar in a cause value is not closed.</summary>
    UnclosedQuotedScalar,

    /// <summary>A cause mapping names an attribute twice. Arguments: the attribute.</summary>
    RepeatedCauseAttribute,

    /// <summary>A folder to evaluate does not exist.</summary>
    FolderNotFound,

    /// <summary>A folder contains no case. Arguments: the ground-truth file name, the manifest file name.</summary>
    NoCases,

    /// <summary>A folder has both layouts. Arguments: the ground-truth file name, the manifest file name.</summary>
    MixedLayouts,

    /// <summary>A manifest entry names a missing case file. Arguments: the file stem, the folder.</summary>
    CaseFileNotFound,

    /// <summary>A case file of an RS folder has no manifest entry. Arguments: the manifest path.</summary>
    CaseFileNotInManifest,

    /// <summary>
    /// A case stem has both a fundamental file and a derived pair. Arguments: the stem, the
    /// file name of the other file.
    /// </summary>
    CaseGivenTwice,

    /// <summary>A case file has no ground-truth row. Arguments: the timestamp, the ground-truth file path.</summary>
    NoGroundTruthRow,

    /// <summary>A ground-truth row has no case file. Arguments: the timestamp, the folder.</summary>
    NoCaseFileForGroundTruth,

    /// <summary>A ground-truth row has an empty timestamp.</summary>
    EmptyTimestamp,

    /// <summary>A ground-truth timestamp repeats. Arguments: the timestamp, the earlier line.</summary>
    RepeatedTimestamp,

    /// <summary>
    /// A pair of an attribute combination has no name or no <c>=</c>. Arguments: the
    /// combination text, the pair.
    /// </summary>
    InvalidCombinationPair,

    /// <summary>An attribute combination has no pairs. Arguments: the combination text.</summary>
    EmptyCombination,

    /// <summary>
    /// An attribute combination gives one attribute two values. Arguments: the combination
    /// text, the attribute, the two values.
    /// </summary>
    CombinationAttributeRepeated,

    /// <summary>No field column besides the measure columns. Arguments: the measure column names joined by ", ".</summary>
    NoCalibrationFieldColumns,

    /// <summary>A row has an empty model name. Arguments: the column name.</summary>
    EmptyModel,

    /// <summary>A calibration row repeats. Arguments: the model, the window start, the field values, the line of the first row.</summary>
    CalibrationRowRepeats,

    /// <summary>The file has a header but no rows.</summary>
    NoCalibrationRows,

    /// <summary>A raw label is neither 0 nor 1. Arguments: the cell, the column name.</summary>
    InvalidLabel,

    /// <summary>A count exceeds the count that bounds it. Arguments: the column, its value, the bounding column, its value.</summary>
    ValueAboveBound,

    /// <summary>A window start is not a time. Arguments: the cell, the column name, an example time.</summary>
    InvalidWindowStart,

    /// <summary>A bucket index is not a whole number of 0 or more. Arguments: the cell, the column name.</summary>
    InvalidBucket,

    /// <summary>A prediction is not a number. Arguments: the cell, the column name.</summary>
    PredictionNotANumber,

    /// <summary>A prediction is NaN or infinite. Arguments: the cell.</summary>
    PredictionNotFinite,

    /// <summary>A prediction lies outside [0, 1]. Arguments: the cell.</summary>
    PredictionOutOfRange,
}
