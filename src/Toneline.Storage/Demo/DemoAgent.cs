namespace Toneline.Storage.Demo;

/// <summary>A synthetic agent: skill in [-1, 1] drifts linearly from <see cref="StartSkill"/> to <see cref="EndSkill"/> over the range.</summary>
internal sealed record DemoAgent(string Id, string Name, string Group, double StartSkill, double EndSkill)
{
    public double SkillAt(double progress) => StartSkill + ((EndSkill - StartSkill) * progress);
}
