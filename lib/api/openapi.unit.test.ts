import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; maxItems?: number; maxLength?: number };

const document = openApiDocument() as unknown as {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<string, {
    post?: { description: string; responses: Record<string, unknown> };
    get?: { parameters: { name: string; description?: string }[] };
  }>;
};
const dataOf = (command: string) => document.components.schemas[`${command}Command`]!.properties!.data!.properties!;

describe('the OpenAPI document', () => {
  it('shows the limits of a lead: phones and emails per lead, and the length of each text', () => {
    const register = dataOf('RegisterLead');
    expect(register.phones).toMatchObject({ maxItems: 10, items: { maxLength: 50 } });
    expect(register.emails).toMatchObject({ maxItems: 10, items: { maxLength: 254 } });
    expect(register.name!.maxLength).toBe(200);
    expect(register.source!.maxLength).toBe(100);
    expect(register.ownerId!.anyOf![0]!.maxLength).toBe(200);
    expect(dataOf('ChangeContactInfo').addPhones!.maxItems).toBe(10);
    expect(dataOf('ChangeName').name!.maxLength).toBe(200);
    expect(dataOf('AddNote').text!.maxLength).toBe(5000);
    expect(dataOf('RecordCallOutcome').notes!.anyOf![0]!.maxLength).toBe(2000);
  });

  it('says how large a command may be, and answers a larger one with 413', () => {
    const commands = document.paths['/api/commands']!.post!;
    expect(commands.description).toContain('The body is at most 64 KB.');
    expect(commands.responses).toHaveProperty('413');
  });

  it('offers the export\u2019s CSV for spreadsheets as a parameter, and says what it does', () => {
    const spreadsheet = document.paths['/api/export']!.get!.parameters.find((parameter) => parameter.name === 'spreadsheet');
    expect(spreadsheet?.description).toMatch(/starts with a single quote/);
  });
});
