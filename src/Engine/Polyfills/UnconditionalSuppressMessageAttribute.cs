namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>
    /// netstandard2.0 lacks it; the trimmer and the NativeAOT compiler match it by name, so a
    /// suppression written here reaches the ahead-of-time build of rtmpx.
    /// </summary>
    [AttributeUsage(AttributeTargets.All, Inherited = false, AllowMultiple = true)]
    internal sealed class UnconditionalSuppressMessageAttribute : Attribute
    {
        public UnconditionalSuppressMessageAttribute(string category, string checkId)
        {
            Category = category;
            CheckId = checkId;
        }

        public string Category { get; }

        public string CheckId { get; }

        public string? Justification { get; set; }
    }
}
