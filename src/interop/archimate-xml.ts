/**
 * The ArchiMate Open Exchange Format (The Open Group, ArchiMate 3.0/3.1 exchange XSDs, namespace
 * http://www.opengroup.org/xsd/archimate/3.0/): read into an ArchiModel and written from one.
 *
 * Reading goes through xml.ts's guards (size, DTD, text length) and keeps each concept's line for
 * warnings. Writing follows the XSD's element order (model: name, documentation, properties, elements,
 * relationships, organizations, propertyDefinitions, views) so the output validates against the shipped
 * schemas; property definitions are collected from the keys actually used.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import {
  ACCESS_TYPES,
  type AccessType,
  type ArchiModel,
  type ModelConcept,
  type ModelElement,
  type ModelFolder,
  type ModelProperty,
  type ModelRelationship,
  type ModelView,
  type ViewNode,
} from './model.js';
import {
  attribute,
  child,
  children,
  escapeXml,
  langText,
  parseXmlSafely,
  readLimited,
  resolveLimits,
  startTag,
  textElement,
  type ParsedXml,
  type XmlLimits,
  type XmlNode,
} from './xml.js';

export const ARCHIMATE_NAMESPACE = 'http://www.opengroup.org/xsd/archimate/3.0/';
const ARCHIMATE_2_NAMESPACE = 'http://www.opengroup.org/xsd/archimate';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

const REPEATED = new Set(['element', 'relationship', 'property', 'propertyDefinition', 'item', 'name', 'documentation', 'value', 'label', 'view', 'node', 'connection', 'organizations']);

/** The root start tag declares the 3.x exchange namespace (as the default or under a prefix). */
function checkNamespace(parsed: ParsedXml, label: string): void {
  if (parsed.rootName !== 'model') {
    throw new InputError({
      level: 'error',
      file: label,
      message: `the root element is <${parsed.rootName}>, not an ArchiMate exchange <model>.`,
      fix: 'export the model from Archi (File → Export → Model to Open Exchange File…) or another ArchiMate 3 tool',
    });
  }
  if (parsed.rootTag.includes(`"${ARCHIMATE_NAMESPACE}"`) || parsed.rootTag.includes(`'${ARCHIMATE_NAMESPACE}'`)) return;
  const older = parsed.rootTag.includes(ARCHIMATE_2_NAMESPACE);
  throw new InputError({
    level: 'error',
    file: label,
    message: older
      ? 'this is an ArchiMate 2.x exchange file; siloscope reads the ArchiMate 3.x exchange format.'
      : `the <model> element is not in the ArchiMate 3.x exchange namespace ${ARCHIMATE_NAMESPACE}.`,
    fix: 'open the model in Archi and export it again with File → Export → Model to Open Exchange File… (ArchiMate 3.1)',
  });
}

function locate(parsed: ParsedXml, label: string, node: XmlNode): { file: string } {
  const offset = parsed.offsetOf(node);
  return { file: offset === undefined ? label : `${label}:${parsed.lines.lineOf(offset)}` };
}

function readProperties(node: XmlNode | undefined, definitions: Map<string, string>): ModelProperty[] {
  const list: ModelProperty[] = [];
  for (const property of children(child(node, 'properties'), 'property')) {
    const ref = attribute(property, 'propertyDefinitionRef');
    const key = ref === undefined ? undefined : definitions.get(ref);
    if (key === undefined) continue;
    list.push({ key, value: langText(property, 'value') ?? '' });
  }
  return list;
}

function readConcept(node: XmlNode, parsed: ParsedXml, label: string, definitions: Map<string, string>): ModelConcept | undefined {
  const id = attribute(node, 'identifier');
  const type = attribute(node, 'type');
  if (id === undefined || type === undefined) return undefined;
  const documentation = langText(node, 'documentation');
  return {
    id,
    type,
    name: langText(node, 'name') ?? '',
    ...(documentation !== undefined ? { documentation } : {}),
    properties: readProperties(node, definitions),
    where: locate(parsed, label, node),
  };
}

function readFolder(node: XmlNode): ModelFolder {
  const folder: ModelFolder = { label: langText(node, 'label') ?? '', items: [], folders: [] };
  const documentation = langText(node, 'documentation');
  if (documentation !== undefined) folder.documentation = documentation;
  for (const item of children(node, 'item')) {
    const ref = attribute(item, 'identifierRef');
    if (ref !== undefined && children(item, 'item').length === 0) folder.items.push(ref);
    else folder.folders.push(readFolder(item));
  }
  return folder;
}

export interface ReadXmlOptions extends XmlLimits {
  /** How messages name the file (default: its base name). */
  label?: string;
}

/** Read an exchange-format file into an ArchiModel. Views are not read: siloscope uses the model's concepts. */
export async function readArchimateXml(path: string, options: ReadXmlOptions = {}): Promise<ArchiModel> {
  const label = options.label ?? basename(path);
  const limits = resolveLimits(options);
  const buffer = await readLimited(path, limits.maxBytes, label);
  return parseArchimateXml(buffer, label, limits);
}

export function parseArchimateXml(buffer: Buffer, label: string, limits: Required<XmlLimits> = resolveLimits()): ArchiModel {
  const parsed = parseXmlSafely(buffer, label, limits, REPEATED);
  checkNamespace(parsed, label);
  const root = parsed.root;
  const definitions = new Map<string, string>();
  for (const definition of children(child(root, 'propertyDefinitions'), 'propertyDefinition')) {
    const id = attribute(definition, 'identifier');
    const name = langText(definition, 'name');
    if (id !== undefined && name !== undefined) definitions.set(id, name);
  }
  const elements: ModelElement[] = [];
  for (const node of children(child(root, 'elements'), 'element')) {
    const concept = readConcept(node, parsed, label, definitions);
    if (concept) elements.push(concept);
  }
  const relationships: ModelRelationship[] = [];
  for (const node of children(child(root, 'relationships'), 'relationship')) {
    const concept = readConcept(node, parsed, label, definitions);
    const source = attribute(node, 'source');
    const target = attribute(node, 'target');
    if (!concept || source === undefined || target === undefined) continue;
    const relationship: ModelRelationship = { ...concept, source, target };
    const access = attribute(node, 'accessType');
    if (concept.type === 'Access') relationship.accessType = (ACCESS_TYPES as readonly string[]).includes(access ?? '') ? (access as AccessType) : 'Access';
    if (concept.type === 'Association') relationship.isDirected = attribute(node, 'isDirected') === 'true';
    const modifier = attribute(node, 'modifier');
    if (modifier !== undefined) relationship.modifier = modifier;
    relationships.push(relationship);
  }
  const organizations = children(root, 'organizations').flatMap((orgs) => children(orgs, 'item').map(readFolder));
  const documentation = langText(root, 'documentation');
  return {
    id: attribute(root, 'identifier') ?? 'id-model',
    name: langText(root, 'name') ?? basename(label, '.xml'),
    ...(documentation !== undefined ? { documentation } : {}),
    properties: readProperties(root, definitions),
    elements,
    relationships,
    organizations,
    views: [],
  };
}

// ───────────────────────────── writing ─────────────────────────────

class PropertyDefinitions {
  readonly ids = new Map<string, string>();

  idOf(key: string): string {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `propid-${this.ids.size + 1}`;
      this.ids.set(key, id);
    }
    return id;
  }
}

function writeProperties(out: string[], indent: string, properties: ModelProperty[], definitions: PropertyDefinitions): void {
  if (properties.length === 0) return;
  out.push(`${indent}<properties>`);
  for (const property of properties) {
    out.push(`${indent}  ${startTag('property', { propertyDefinitionRef: definitions.idOf(property.key) })}`);
    out.push(`${indent}    ${textElement('value', property.value)}`);
    out.push(`${indent}  </property>`);
  }
  out.push(`${indent}</properties>`);
}

/** name (required by the XSD for real elements: an empty name is written as the id), documentation, properties. */
function writeConceptBody(out: string[], indent: string, concept: ModelConcept, definitions: PropertyDefinitions, nameRequired: boolean): void {
  if (concept.name !== '' || nameRequired) out.push(`${indent}${textElement('name', concept.name || concept.id)}`);
  if (concept.documentation) out.push(`${indent}${textElement('documentation', concept.documentation)}`);
  writeProperties(out, indent, concept.properties, definitions);
}

function writeFolder(out: string[], indent: string, folder: ModelFolder): void {
  out.push(`${indent}<item>`);
  out.push(`${indent}  ${textElement('label', folder.label)}`);
  if (folder.documentation) out.push(`${indent}  ${textElement('documentation', folder.documentation)}`);
  for (const sub of folder.folders) writeFolder(out, `${indent}  `, sub);
  for (const ref of folder.items) out.push(`${indent}  ${startTag('item', { identifierRef: ref }, true)}`);
  out.push(`${indent}</item>`);
}

function writeNode(out: string[], indent: string, node: ViewNode): void {
  const attrs = {
    identifier: node.id,
    elementRef: node.elementRef,
    'xsi:type': node.elementRef !== undefined ? 'Element' : 'Container',
    x: Math.max(0, Math.round(node.x)),
    y: Math.max(0, Math.round(node.y)),
    w: Math.max(1, Math.round(node.w)),
    h: Math.max(1, Math.round(node.h)),
  };
  const hasBody = node.label !== undefined || node.fill !== undefined || node.children.length > 0;
  if (!hasBody) {
    out.push(`${indent}${startTag('node', attrs, true)}`);
    return;
  }
  out.push(`${indent}${startTag('node', attrs)}`);
  if (node.label !== undefined) out.push(`${indent}  ${textElement('label', node.label)}`);
  if (node.fill) {
    out.push(`${indent}  <style>`);
    out.push(`${indent}    ${startTag('fillColor', { r: node.fill.r, g: node.fill.g, b: node.fill.b, a: 100 }, true)}`);
    out.push(`${indent}  </style>`);
  }
  for (const sub of node.children) writeNode(out, `${indent}  `, sub);
  out.push(`${indent}</node>`);
}

function writeView(out: string[], indent: string, view: ModelView): void {
  out.push(`${indent}${startTag('view', { identifier: view.id, 'xsi:type': 'Diagram', viewpoint: view.viewpoint })}`);
  out.push(`${indent}  ${textElement('name', view.name)}`);
  if (view.documentation) out.push(`${indent}  ${textElement('documentation', view.documentation)}`);
  for (const node of view.nodes) writeNode(out, `${indent}  `, node);
  for (const connection of view.connections) {
    out.push(
      `${indent}  ${startTag('connection', { identifier: connection.id, relationshipRef: connection.relationshipRef, 'xsi:type': 'Relationship', source: connection.source, target: connection.target }, true)}`,
    );
  }
  out.push(`${indent}</view>`);
}

/** An ArchiModel as exchange-format XML (ArchiMate 3.1 schemas), views included when the model has any. */
export function writeArchimateXml(model: ArchiModel): string {
  const definitions = new PropertyDefinitions();
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const schemaLocation = `${ARCHIMATE_NAMESPACE} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd`;
  out.push(startTag('model', { xmlns: ARCHIMATE_NAMESPACE, 'xmlns:xsi': XSI_NAMESPACE, 'xsi:schemaLocation': schemaLocation, identifier: model.id }));
  out.push(`  ${textElement('name', model.name)}`);
  if (model.documentation) out.push(`  ${textElement('documentation', model.documentation)}`);
  writeProperties(out, '  ', model.properties, definitions);
  if (model.elements.length > 0) {
    out.push('  <elements>');
    for (const element of model.elements) {
      out.push(`    ${startTag('element', { identifier: element.id, 'xsi:type': element.type })}`);
      writeConceptBody(out, '      ', element, definitions, true);
      out.push('    </element>');
    }
    out.push('  </elements>');
  }
  if (model.relationships.length > 0) {
    out.push('  <relationships>');
    for (const r of model.relationships) {
      const attrs = {
        identifier: r.id,
        source: r.source,
        target: r.target,
        'xsi:type': r.type,
        accessType: r.type === 'Access' ? (r.accessType ?? 'Access') : undefined,
        isDirected: r.type === 'Association' && r.isDirected ? 'true' : undefined,
        modifier: r.type === 'Influence' ? r.modifier : undefined,
      };
      const empty = r.name === '' && !r.documentation && r.properties.length === 0;
      if (empty) {
        out.push(`    ${startTag('relationship', attrs, true)}`);
        continue;
      }
      out.push(`    ${startTag('relationship', attrs)}`);
      writeConceptBody(out, '      ', r, definitions, false);
      out.push('    </relationship>');
    }
    out.push('  </relationships>');
  }
  if (model.organizations.length > 0) {
    out.push('  <organizations>');
    for (const folder of model.organizations) writeFolder(out, '    ', folder);
    out.push('  </organizations>');
  }
  if (definitions.ids.size > 0) {
    out.push('  <propertyDefinitions>');
    for (const [key, id] of definitions.ids) {
      out.push(`    ${startTag('propertyDefinition', { identifier: id, type: 'string' })}`);
      out.push(`      <name>${escapeXml(key)}</name>`);
      out.push('    </propertyDefinition>');
    }
    out.push('  </propertyDefinitions>');
  }
  if (model.views.length > 0) {
    out.push('  <views>');
    out.push('    <diagrams>');
    for (const view of model.views) writeView(out, '      ', view);
    out.push('    </diagrams>');
    out.push('  </views>');
  }
  out.push('</model>');
  return `${out.join('\n')}\n`;
}
