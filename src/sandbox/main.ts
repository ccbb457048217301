import { runSandboxCommand } from './run';

/**
 * `npm run sandbox`: the sandbox, when no Slack variable at all is set, exactly as `npm start`
 * decides; a partial Slack configuration is a configuration error (exit 2, one line per problem).
 */
void runSandboxCommand(process.env);
