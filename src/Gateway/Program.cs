namespace OrleansGame.Gateway; internal static class Program { private static void Main() { } }
