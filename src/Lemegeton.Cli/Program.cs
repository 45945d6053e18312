using Lemegeton.Cli;

return CliApp.BuildRootCommand().Parse(args).Invoke();
