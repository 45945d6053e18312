namespace Lemegeton.Core.TaskList;

/// <summary>
/// Reusable YAML nodes for one thread. A block's tree is garbage as soon as it is mapped to a
/// PR, and at 40 nodes per block it was most of what a parse allocated; reusing the nodes keeps
/// the garbage collector from running (and copying the PRs already read) several times per parse.
/// </summary>
internal sealed class YamlNodePool
{
    private readonly List<YamlScalar> _scalars = [];
    private readonly List<YamlSequence> _sequences = [];
    private readonly List<YamlMapping> _mappings = [];
    private int _scalarsUsed, _sequencesUsed, _mappingsUsed;

    /// <summary>Makes every node available again; trees handed out before are no longer valid.</summary>
    public void Reset() => _scalarsUsed = _sequencesUsed = _mappingsUsed = 0;

    public YamlScalar Scalar(string value, YamlDotNet.Core.ScalarStyle style, YamlMark start, YamlMark end)
    {
        if (_scalarsUsed < _scalars.Count) return _scalars[_scalarsUsed++].Set(value, style, start, end);
        var scalar = new YamlScalar(value, style, start, end);
        _scalars.Add(scalar);
        _scalarsUsed++;
        return scalar;
    }

    public YamlSequence Sequence()
    {
        if (_sequencesUsed < _sequences.Count)
        {
            var reused = _sequences[_sequencesUsed++];
            reused.Items.Clear();
            return reused;
        }
        var sequence = new YamlSequence(new List<YamlNode>(4), default, default);
        _sequences.Add(sequence);
        _sequencesUsed++;
        return sequence;
    }

    public YamlMapping Mapping()
    {
        if (_mappingsUsed < _mappings.Count)
        {
            var reused = _mappings[_mappingsUsed++];
            reused.Entries.Clear();
            return reused;
        }
        var mapping = new YamlMapping(new List<YamlEntry>(8), default, default);
        _mappings.Add(mapping);
        _mappingsUsed++;
        return mapping;
    }
}
