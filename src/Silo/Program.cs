namespace OrleansGame.Silo; internal static class Program { private static void Main() { } }
