namespace Lemegeton.Storage.Leases;

/// <summary>File-lease settings (<c>lemegeton.leases.*</c>).</summary>
public sealed class LeaseOptions
{
    /// <summary>How long a lease lives without renewal. Default 300 s.</summary>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Most files one acquisition may ask for, after paired-file expansion. Default 100.</summary>
    public int MaxFilesPerRequest { get; set; } = 100;

    /// <summary>Also lease the test file paired with each source file, and the source of each test file (spec §4.6). Default true.</summary>
    public bool PairedLocking { get; set; } = true;

    /// <summary>
    /// The file holding the durable fencing high-water mark (the hub passes
    /// <c>.lemegeton/state/fencing-ceiling</c>). No token above the value recorded there is ever
    /// handed out, and a new store starts above it, so neither a Redis that lost its last writes
    /// nor a hub restart on top of it can repeat a token. Null: the guarantee holds only while
    /// this store instance lives.
    /// </summary>
    public string? FencingWatermarkPath { get; set; }

    /// <summary>Tokens reserved durably at a time (one file write + fsync per block). Default 1,000.</summary>
    public long FencingReserveBlock { get; set; } = 1000;

    /// <summary>How often holders should renew: a third of the TTL, as etcd does, so two renewals may fail before expiry.</summary>
    public TimeSpan RenewInterval => DefaultTtl / 3;
}
